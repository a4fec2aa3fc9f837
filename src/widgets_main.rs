fn main() {
    headroom::app::start_widgets();
}
