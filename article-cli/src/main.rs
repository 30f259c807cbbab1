//! `article`: turns news pages into clean, structured, annotated articles.
//!
//! Only wiring lives here: arguments, inputs, parallelism, progress and errors. See the
//! workspace README for the command-line contract.
#![forbid(unsafe_code)]

mod args;
mod extract;
mod inputs;
mod ner;
mod status;
#[cfg(feature = "train")]
mod train;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::status::{Fatal, Status, is_broken_pipe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Ner(args) => ner::run(&args),
        #[cfg(feature = "train")]
        Command::TrainNer(args) => train::run(&args),
    };
    match result {
        Ok(status) => status.into(),
        Err(Fatal::Usage(msg)) => {
            eprintln!("article: {msg}");
            Status::Usage.into()
        }
        Err(Fatal::Output(e)) => {
            if is_broken_pipe(&e) {
                return Status::Ok.into();
            }
            eprintln!("article: {e:#}");
            let _ = std::io::stderr().flush();
            Status::SomeFailed.into()
        }
    }
}
