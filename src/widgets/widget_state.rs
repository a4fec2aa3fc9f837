//! The state of one live widget: the run, the scenario it was built from, and the playback
//! settings, as `Copy` handles the widget's parts share. Every change of scenario or seed
//! rebuilds the run from the start, so what is on screen is always a pure function of
//! (scenario, seed, simulated time).
//!
//! Moving the run to a time (a shared link's `t=`, a failure injected "now", which replays the
//! rebuilt run to where it was) is a [`Seek`]: it spends at most `SEEK_BUDGET` events per
//! animation frame, shows that it is catching up, and plays on afterwards if it was playing.

use leptos::prelude::*;

use crate::{
    playback::{Frame, Pacer, SEEK_BUDGET, Seek, default_speed},
    scenario::{Problem, Scenario},
    sim::{Sim, Snapshot},
};

#[derive(Clone, Copy)]
pub struct WidgetState {
    pub scenario: RwSignal<Scenario>,
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<f64>,
    /// What the views draw; replaced after every frame or command.
    pub snapshot: RwSignal<Snapshot>,
    /// The last frame could not keep up with the chosen speed.
    pub behind: RwSignal<bool>,
    /// Events the last frame processed (always within the frame budget).
    pub frame_events: RwSignal<u64>,
    /// Corrections made to the last scenario change.
    pub problems: RwSignal<Vec<Problem>>,
    /// A seek in progress: its target time and how much of the way the run has come (0 to 1).
    pub catching_up: RwSignal<Option<(f64, f64)>>,
    /// Bumped when the scenario is changed from outside the controls (a deck's `set` or
    /// `replace`): the sliders then rebuild their ranges around the new values.
    pub controls_epoch: RwSignal<u64>,
    seek: StoredValue<Option<Seek>>,
    /// Play once the seek in progress is done.
    resume: StoredValue<bool>,
    /// A follower (a comparison) has a catch-up frame requested.
    chasing: StoredValue<bool>,
    sim: StoredValue<Sim>,
}

impl WidgetState {
    pub fn new(scenario: Scenario) -> WidgetState {
        let sim = Sim::new(&scenario);
        let snapshot = sim.snapshot();
        WidgetState {
            speed: RwSignal::new(default_speed(scenario.arrivals.rate)),
            scenario: RwSignal::new(scenario),
            playing: RwSignal::new(false),
            snapshot: RwSignal::new(snapshot),
            behind: RwSignal::new(false),
            frame_events: RwSignal::new(0),
            problems: RwSignal::new(Vec::new()),
            catching_up: RwSignal::new(None),
            controls_epoch: RwSignal::new(0),
            seek: StoredValue::new(None),
            resume: StoredValue::new(false),
            chasing: StoredValue::new(false),
            sim: StoredValue::new(sim),
        }
    }

    pub fn with_sim<T>(&self, f: impl FnOnce(&Sim) -> T) -> T {
        self.sim.with_value(f)
    }

    fn refresh(&self) {
        self.snapshot.set(self.sim.with_value(Sim::snapshot));
    }

    /// Advances the run for one animation frame: the seek in progress, or playback.
    pub fn frame(&self, elapsed_ms: f64) {
        if self.seek.get_value().is_some() {
            self.continue_seek();
            return;
        }
        let pacer = Pacer::new(self.speed.get_untracked());
        let frame: Frame = self
            .sim
            .try_update_value(|sim| pacer.advance(sim, elapsed_ms))
            .unwrap_or(Frame { events: 0, behind: false });
        self.frame_events.set(frame.events);
        self.behind.set(frame.behind);
        if self.sim.with_value(Sim::is_done) {
            self.playing.set(false);
        }
        self.refresh();
    }

    /// Whether the frame loop should run: playing, or catching up to a seek's target.
    pub fn busy(&self) -> bool {
        self.playing.get() || self.catching_up.with(Option::is_some)
    }

    pub fn toggle(&self) {
        if self.playing.get_untracked() || self.resume.get_value() { self.pause() } else { self.play() }
    }

    /// Plays; during a seek, plays once it is done.
    pub fn play(&self) {
        if self.seek.get_value().is_some() {
            self.resume.set_value(true);
        } else if !self.sim.with_value(Sim::is_done) {
            self.playing.set(true);
        }
    }

    pub fn pause(&self) {
        self.resume.set_value(false);
        self.playing.set(false);
    }

    /// Stops a seek where it is.
    fn cancel_seek(&self) {
        self.seek.set_value(None);
        self.catching_up.set(None);
    }

    /// One frame's slice of the seek in progress; when it is done, plays on if asked to.
    fn continue_seek(&self) {
        let Some(seek) = self.seek.get_value() else { return };
        let (reached, events, fraction) = self
            .sim
            .try_update_value(|sim| {
                let before = sim.events();
                let reached = seek.advance(sim, SEEK_BUDGET);
                (reached, sim.events() - before, seek.fraction(sim))
            })
            .unwrap_or((true, 0, 1.0));
        self.frame_events.set(events);
        if reached {
            self.cancel_seek();
            if self.resume.get_value() {
                self.resume.set_value(false);
                self.play();
            }
        } else {
            self.catching_up.set(Some((seek.target, fraction)));
        }
        self.refresh();
    }

    /// Processes exactly one event.
    pub fn step(&self) {
        self.pause();
        self.cancel_seek();
        self.sim.update_value(|sim| {
            sim.step(1);
        });
        self.frame_events.set(1);
        self.refresh();
    }

    /// Moves the run forward by `seconds` of simulated time (paused; for stepped views).
    pub fn advance(&self, seconds: f64) {
        let to = self.sim.with_value(Sim::now) + seconds;
        self.seek(to);
    }

    /// Back to time zero with the same scenario and seed: the identical run again.
    pub fn reset(&self) {
        self.pause();
        self.cancel_seek();
        self.sim.set_value(Sim::new(&self.scenario.get_untracked()));
        self.behind.set(false);
        self.refresh();
    }

    /// Replaces the scenario (already parsed and clamped) and starts over.
    pub fn set_scenario(&self, scenario: Scenario, problems: Vec<Problem>) {
        self.problems.set(problems);
        self.scenario.set(scenario);
        self.reset();
    }

    /// Merges a URL query's keys into the scenario (a deck's `set`): the keys named change,
    /// every other one keeps its value, the seed included; a bad value keeps the current one
    /// and is named as a problem. The run starts over (playing on if it was playing) and the
    /// sliders rebuild their ranges around the new values.
    pub fn merge_query(&self, query: &str) {
        let playing = self.playing.get_untracked();
        let parsed = self.scenario.with_untracked(|s| s.merge_query(query));
        self.set_scenario(parsed.scenario, parsed.problems);
        self.controls_epoch.update(|n| *n += 1);
        if playing {
            self.play();
        }
    }

    /// Replaces the whole scenario from a URL query (a deck's `replace`): keys not named take
    /// their defaults, the seed too. The widget keeps its kind: a widget is built for one kind,
    /// so a different `kind` in the query is refused and named as a problem.
    pub fn set_scenario_keeping_kind(&self, query: &str) {
        let kind = self.scenario.with_untracked(|s| s.kind);
        let mut parsed = Scenario::from_query(&format!("kind={}&{query}&kind={}", kind.name(), kind.name()));
        let asked = Scenario::from_query(query).scenario.kind;
        if query.contains("kind=") && asked != kind {
            parsed.problems.push(Problem {
                key: "kind".into(),
                message: format!(
                    "cannot change from {} to {} in this widget; open /embed/{} for that",
                    kind.name(),
                    asked.name(),
                    asked.name()
                ),
            });
        }
        self.set_scenario(parsed.scenario, parsed.problems);
        self.controls_epoch.update(|n| *n += 1);
    }

    /// Changes one key through the scenario parser, so the value is clamped exactly as it
    /// would be in a lesson or a URL. The run starts over; if it was playing, it keeps playing.
    pub fn set_key(&self, key: &str, value: &str) {
        let playing = self.playing.get_untracked();
        let parsed = self.reparse(&[(key, value.to_string())]);
        self.set_scenario(parsed.scenario, parsed.problems);
        if playing {
            self.play();
        }
    }

    /// Merges a lesson step's settings into the scenario (the seed kept unless they set one)
    /// and starts over from time zero, paused: the learner predicts, then plays.
    pub fn apply_setup(&self, pairs: &[(String, String)]) {
        let changes: Vec<(&str, String)> = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let parsed = self.reparse(&changes);
        self.set_scenario(parsed.scenario, parsed.problems);
    }

    /// Changes keys that only matter from the current time on (an outage or spike starting
    /// now): the run is rebuilt and replayed to this moment, which gives the same state as
    /// changing it live, and keeps the run a function of its scenario.
    pub fn change_at_current_time(&self, changes: &[(&str, String)]) {
        let (playing, now) = (self.playing.get_untracked(), self.now());
        let parsed = self.reparse(changes);
        self.set_scenario(parsed.scenario, parsed.problems);
        self.seek(now);
        if playing {
            self.play();
        }
    }

    fn reparse(&self, changes: &[(&str, String)]) -> crate::scenario::Parsed {
        let mut text = self.scenario.with_untracked(Scenario::to_block);
        for (key, value) in changes {
            text.push_str(&format!("\n{key} = {value}"));
        }
        Scenario::parse(&text)
    }

    /// Runs forward to simulated time `t` (a shared link's position), paused: the first slice
    /// now, the rest one slice per animation frame (`catching_up` says how far it has come).
    pub fn seek(&self, t: f64) {
        self.pause();
        let now = self.sim.with_value(Sim::now);
        self.seek.set_value(Some(Seek::new(now, t)));
        self.continue_seek();
    }

    /// Keeps this run in lockstep with `leader` (a comparison): moves it to the leader's
    /// simulated time, or to its own end once the leader's run is over. A leader that went
    /// back in time (a reset) restarts this run first. Reads no signal, so an Effect that
    /// calls it tracks only what it chose to track.
    pub fn follow(&self, leader: WidgetState) {
        let Some((t, leader_done)) = leader.sim.try_with_value(|sim| (sim.now(), sim.is_done())) else {
            return;
        };
        if !leader_done && self.sim.try_with_value(|sim| t < sim.now()).unwrap_or(false) {
            self.sim.set_value(Sim::new(&self.scenario.get_untracked()));
        }
        let caught_up = self
            .sim
            .try_update_value(|sim| {
                if leader_done {
                    sim.run_to_end(SEEK_BUDGET);
                    sim.is_done()
                } else {
                    sim.run_until(t, SEEK_BUDGET);
                    sim.now() >= t || sim.is_done()
                }
            })
            .unwrap_or(true);
        self.catching_up.set((!caught_up).then_some((t, 0.0)));
        self.refresh();
        // Behind by more than a frame's budget: go on next frame, once, even if the leader is
        // paused by then.
        if !caught_up && !self.chasing.get_value() {
            self.chasing.set_value(true);
            let me = *self;
            request_animation_frame(move || {
                if me.chasing.try_set_value(false).is_none() {
                    me.follow(leader);
                }
            });
        }
    }

    pub fn is_done(&self) -> bool {
        self.sim.with_value(Sim::is_done)
    }

    pub fn now(&self) -> f64 {
        self.snapshot.with(|s| s.time)
    }
}
