//! `article`: turns news pages into clean, structured, annotated articles.
//!
//! Only wiring lives here: arguments, inputs, parallelism, progress and errors. See the
//! workspace README for the command-line contract.
#![forbid(unsafe_code)]

mod args;
mod extract;
mod inputs;
mod ner;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// Exit statuses of DESIGN.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Every input was written.
    Ok,
    /// Some inputs failed; each was named on stderr and the others were written.
    SomeFailed,
    /// Usage error: nothing was done.
    Usage,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::SomeFailed => 1,
            Status::Usage => 2,
        })
    }
}

/// A failure that stops the whole run.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// The arguments cannot work (exit 2).
    Usage(String),
    /// Output could not be written (exit 1), or the reader went away (exit 0).
    Output(anyhow::Error),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Ner(args) => ner::run(&args),
        Command::TrainNer(args) => ner::train(&args),
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

/// Whether the error chain holds a broken pipe (the reader of stdout went away).
pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<article_export::Error>()
                .is_some_and(article_export::Error::is_broken_pipe)
    })
}
