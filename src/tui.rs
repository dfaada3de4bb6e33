//! The interactive screen: the app's state, the key bindings, the view, and the loop that
//! drives them in a terminal.

pub mod app;
pub mod event_loop;
pub mod keys;
pub mod terminal;
pub mod view;
