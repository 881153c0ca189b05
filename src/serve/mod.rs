//! `candour serve`: builds the site in memory, serves it on loopback and rebuilds on change.
//!
//! Four parts: `workspace` (the incremental build), `watch` (file events), `http` (the
//! HTTP/1.1 protocol) and `routes` (what each request gets: built files, live reload, the
//! error overlay). Nothing here writes to disk.

pub mod cache;
mod connections;
pub mod depends;
mod http;
mod http_date;
mod overlay;
mod routes;
mod watch;
pub mod workspace;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Condvar, Mutex, RwLock};

pub use routes::file_key;
use workspace::Workspace;

use crate::check::config::Overrides;
use crate::diagnostic::Diagnostic;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
    pub poll: bool,
    /// Show drafts, with their banner (the default: the person previewing is usually the
    /// one writing the draft).
    pub drafts: bool,
    /// Show last-updated dates and change histories from git (`--no-git` turns it off).
    pub git: bool,
}

/// Ports tried after the requested one when it is taken.
const PORT_TRIES: u16 = 20;

/// Runs the dev server until the process is stopped. Its error is what stopped it starting.
pub fn run(options: &Options) -> Result<(), Diagnostic> {
    if !options.root.join("content").is_dir() {
        return Err(crate::source::load::no_content(&options.root));
    }
    // File events name absolute paths with every symbolic link resolved: a root spelt `.`,
    // `..`, `site` or through a link would not prefix them, and no edit would be seen.
    let root = options.root.canonicalize().map_err(|e| {
        Diagnostic::error(
            "",
            format!(
                "cannot use {} as the site folder: {e}",
                options.root.display()
            ),
        )
    })?;
    let root = root.as_path();
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}, which other machines may reach; the preview is meant for this computer only",
            options.bind
        );
    }
    let (listener, addr) = bind(options).map_err(|e| Diagnostic::error("", e))?;
    let host = match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{}", addr.port());
    let mut hosts = vec![
        format!("{host}:{}", addr.port()),
        format!("localhost:{}", addr.port()),
    ];
    if addr.ip().is_loopback() {
        hosts.push(format!("127.0.0.1:{}", addr.port()));
        hosts.push(format!("[::1]:{}", addr.port()));
    }

    let mut workspace = Workspace::new(
        root,
        Overrides {
            base_url: Some(url.clone()),
            drafts: options.drafts,
            deadlines: None,
            git: options.git,
        },
    );
    let first = workspace.rebuild(&BTreeSet::new());
    report(&workspace, &first, "first build", None);
    let shared = Arc::new(routes::Shared {
        files: RwLock::new(Arc::new(workspace.files.clone())),
        errors: RwLock::new(Arc::new(workspace.errors.clone())),
        generation: Mutex::new(1),
        changed: Condvar::new(),
        waiters: AtomicUsize::new(0),
        hosts,
        static_root: root.join("content").join("static"),
    });
    let mut watch =
        watch::Watch::start(root, options.poll).map_err(|e| Diagnostic::error("", e))?;
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            http::serve(&listener, move |request| routes::answer(request, &shared));
        });
    }
    eprintln!(
        "Serving {} at {url}/ ({}; press Ctrl-C to stop)",
        root.display(),
        if watch.polling {
            "polling for changes"
        } else {
            "watching for changes"
        }
    );
    if options.open {
        open_browser(&format!("{url}/"));
    }
    while let Some(batch) = watch.next() {
        let changed = batch.clone().unwrap_or_default();
        // Judged before the rebuild: a path gone since is named only if the last build saw it.
        let sources = batch.as_ref().map(|_| workspace.sources_among(&changed));
        let outcome = workspace.rebuild(&changed);
        let files = outcome.ok.then(|| workspace.files.clone());
        shared.publish(files, workspace.errors.clone());
        report(&workspace, &outcome, "rebuilt", Some(sources.as_deref()));
    }
    Ok(())
}

fn bind(options: &Options) -> Result<(TcpListener, SocketAddr), String> {
    let mut last = String::new();
    for offset in 0..PORT_TRIES {
        let Some(port) = options.port.checked_add(offset) else {
            break;
        };
        let addr = SocketAddr::new(options.bind, port);
        match TcpListener::bind(addr) {
            Ok(listener) => {
                let bound = listener.local_addr().unwrap_or(addr);
                if offset > 0 {
                    eprintln!(
                        "Port {} is taken; using {} instead.",
                        options.port,
                        bound.port()
                    );
                }
                return Ok((listener, bound));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(format!(
        "cannot listen on {} ports {}–{}: {last}",
        options.bind,
        options.port,
        options.port.saturating_add(PORT_TRIES - 1)
    ))
}

fn report(
    workspace: &Workspace,
    outcome: &workspace::Outcome,
    what: &str,
    batch: Option<Option<&[String]>>,
) {
    let cause = match batch {
        Some(None) => " (full rescan)".to_string(),
        Some(Some([])) => String::new(),
        Some(Some(paths)) => {
            let list: Vec<&str> = paths.iter().take(3).map(String::as_str).collect();
            let more = paths.len().saturating_sub(3);
            format!(
                " after {}{}",
                list.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            )
        }
        None => String::new(),
    };
    for d in workspace.errors.iter().filter(|d| !d.is_note()) {
        eprintln!("{}", d.human());
    }
    if outcome.ok {
        eprintln!(
            "{what}{cause}: {} pages rendered, {} files changed in {:.0} ms ({})",
            outcome.rendered.len(),
            outcome.files_changed,
            outcome.ms,
            outcome.steps.line()
        );
    } else {
        eprintln!(
            "{what}{cause}: failed in {:.0} ms; still serving the last good build, with the errors shown in the browser",
            outcome.ms
        );
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("Open {url} in a browser.");
    }
}
