fn main() {
    headroom::app::start();
}
