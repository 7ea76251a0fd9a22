use bevy::prelude::*;
fn main() {
    let _ = bevy_egui::EguiPlugin::default();
    let _ = egui_plot::Plot::new("x");
    App::new().run();
}
