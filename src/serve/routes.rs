//! What the dev server answers: only what the build produced, on an allowed Host; the
//! live-reload endpoint and script; the 404 page. The protocol is `http.rs`'s business.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use super::http::{Payload, Request, Response};

use crate::diagnostic::Diagnostic;
use crate::render::Body;

/// Live-reload requests held open at once; more get 503 and retry.
pub const MAX_WAITERS: usize = 32;
/// How long a live-reload request is held before it is answered anyway (the heartbeat).
pub const HEARTBEAT: Duration = Duration::from_secs(20);

const RELOAD_JS: &str = include_str!("reload.js");

/// What the server shows: the last good files, the current errors, a generation counter.
pub struct Shared {
    pub files: RwLock<Arc<BTreeMap<String, Body>>>,
    pub errors: RwLock<Arc<Vec<Diagnostic>>>,
    pub generation: Mutex<u64>,
    pub changed: Condvar,
    pub waiters: AtomicUsize,
    /// Host header values accepted (DNS-rebinding defence).
    pub hosts: Vec<String>,
    /// The site's `content/static/`, the only place a file is served from.
    pub static_root: PathBuf,
}

impl Shared {
    /// Publishes a rebuild and wakes every waiting browser.
    pub fn publish(&self, files: Option<BTreeMap<String, Body>>, errors: Vec<Diagnostic>) {
        if let Some(files) = files
            && let Ok(mut f) = self.files.write()
        {
            *f = Arc::new(files);
        }
        if let Ok(mut e) = self.errors.write() {
            *e = Arc::new(errors);
        }
        if let Ok(mut g) = self.generation.lock() {
            *g += 1;
        }
        self.changed.notify_all();
    }

    fn generation(&self) -> u64 {
        self.generation.lock().map_or(0, |g| *g)
    }
}

/// The answer to a GET or HEAD request.
pub fn answer(request: &Request, shared: &Shared) -> Response {
    // RFC 9112 section 3.2: a request with no Host, or more than one, is answered 400; which
    // one a proxy or browser would have used is anybody's guess.
    let [host] = request.hosts.as_slice() else {
        return Response::text(
            400,
            "Bad Request: a request needs exactly one Host header.\n",
        );
    };
    if !shared.hosts.contains(host) {
        return Response::text(
            403,
            "Forbidden: this server only answers requests addressed to it by its local address.\n",
        );
    }
    let target = request.target.as_str();
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == "/__candour/reload.js" {
        return Response::bytes(
            200,
            "text/javascript; charset=utf-8",
            RELOAD_JS.as_bytes().to_vec(),
        );
    }
    if path == "/__candour/poll" {
        let since = target
            .split_once("since=")
            .and_then(|(_, v)| v.split('&').next())
            .and_then(|v| v.parse::<u64>().ok());
        return poll(shared, since);
    }
    let Some(key) = file_key(path) else {
        return not_found(shared, path);
    };
    let files = shared
        .files
        .read()
        .map(|f| Arc::clone(&f))
        .unwrap_or_default();
    let key = if files.contains_key(&key) {
        key
    } else if files.contains_key(&format!("{key}/index.html")) {
        // `/statements` → `/statements/`, as static hosts do, keeping the query.
        let query = target
            .split('#')
            .next()
            .and_then(|t| t.split_once('?'))
            .map_or(String::new(), |(_, q)| format!("?{q}"));
        return Response {
            status: 301,
            headers: vec![("Location", format!("{path}/{query}"))],
            body: Payload::Bytes(Vec::new()),
        };
    } else {
        return not_found(shared, path);
    };
    let kind = content_type(&key);
    if kind.starts_with("text/html") {
        return match read_body(&files[&key], &shared.static_root) {
            Some(bytes) => Response::bytes(200, kind, inject(bytes, shared)),
            None => not_found(shared, path),
        };
    }
    match &files[&key] {
        Body::Bytes(bytes) => Response::bytes(200, kind, bytes.to_vec()),
        Body::Copy(file) => match open_static(file, &shared.static_root) {
            Some((file, len)) => Response {
                status: 200,
                headers: vec![("Content-Type", kind.to_string())],
                body: Payload::File(file, len),
            },
            None => not_found(shared, path),
        },
    }
}

/// The output key for a request path, or `None` for anything that is not a plain path.
pub fn file_key(path: &str) -> Option<String> {
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    // No built file has an encoded separator or NUL in its name: such a request is an attack.
    let lower = path.to_ascii_lowercase();
    if ["%2f", "%5c", "%00"].iter().any(|bad| lower.contains(bad)) {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0'])
        || decoded.split('/').any(|seg| seg == ".." || seg == ".")
        || decoded.contains("//")
    {
        return None;
    }
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        Some(format!("{trimmed}index.html"))
    } else {
        Some(trimmed.to_string())
    }
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn read_body(body: &Body, static_root: &Path) -> Option<Vec<u8>> {
    match body {
        Body::Bytes(b) => Some(b.to_vec()),
        Body::Copy(path) => {
            let (mut file, len) = open_static(path, static_root)?;
            let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
            std::io::Read::read_to_end(&mut file, &mut bytes).ok()?;
            Some(bytes)
        }
    }
}

/// A static file, opened when asked for, with its size; `None` unless it is a plain file
/// inside `static_root` reached through no link (but `content/` itself, which a build
/// follows too). Between a change on disk and the rebuild it causes, the map can still name
/// a file whose folder has just become a link (to `/etc`, say); a clean build would not
/// contain it, so it is not served.
fn open_static(path: &Path, static_root: &Path) -> Option<(std::fs::File, u64)> {
    let inside = path.strip_prefix(static_root).ok()?;
    // `content/` may itself be a link, which a build follows; no folder below it may be.
    let expected = static_root
        .parent()
        .and_then(|content| std::fs::canonicalize(content).ok())?
        .join("static")
        .join(inside);
    // Checked before opening, so that a named pipe put in its place cannot block the open.
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_file() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    // What was opened, every link resolved, is where it would be with no link on the way.
    if !meta.is_file() || real_path(&file, path)? != expected {
        return None;
    }
    Some((file, meta.len()))
}

/// The path of the file `file` opened, with every link resolved. On Linux it is asked of
/// the open file itself, so a link swapped in after the open cannot fool it.
fn real_path(file: &std::fs::File, path: &Path) -> Option<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        if let Ok(real) = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())) {
            return Some(real);
        }
    }
    let _ = file;
    std::fs::canonicalize(path).ok()
}

/// The 404 page for a request for `path`: a language version's own (`cy/404.html` for
/// `/cy/...`, as the build writes one in each version's folder), or the site's `404.html`.
fn not_found(shared: &Shared, path: &str) -> Response {
    let files = shared
        .files
        .read()
        .map(|f| Arc::clone(&f))
        .unwrap_or_default();
    let version = path
        .trim_start_matches('/')
        .split_once('/')
        .map(|(first, _)| format!("{first}/404.html"))
        .filter(|own| files.contains_key(own));
    let body = files
        .get(version.as_deref().unwrap_or("404.html"))
        .and_then(|body| read_body(body, &shared.static_root))
        .unwrap_or_else(|| {
            b"<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>".to_vec()
        });
    Response::bytes(404, "text/html; charset=utf-8", inject(body, shared))
}

/// Adds the reload script, and the error overlay when the last rebuild failed.
fn inject(html: Vec<u8>, shared: &Shared) -> Vec<u8> {
    let mut text = String::from_utf8(html).unwrap_or_default();
    let errors = shared
        .errors
        .read()
        .map(|e| Arc::clone(&e))
        .unwrap_or_default();
    if errors.iter().any(Diagnostic::is_error) {
        let overlay = super::overlay::overlay(&errors);
        match text
            .find("<body")
            .and_then(|i| text[i..].find('>').map(|j| i + j + 1))
        {
            Some(at) => text.insert_str(at, &overlay),
            None => text.insert_str(0, &overlay),
        }
    }
    let script = format!(
        "<script src=\"/__candour/reload.js\" data-generation=\"{}\"></script>",
        shared.generation()
    );
    match text.rfind("</body>") {
        Some(at) => text.insert_str(at, &script),
        None => text.push_str(&script),
    }
    text.into_bytes()
}

/// A long-poll: answers when the generation moves past `since`, or after the heartbeat.
fn poll(shared: &Shared, since: Option<u64>) -> Response {
    if shared.waiters.fetch_add(1, Ordering::SeqCst) >= MAX_WAITERS {
        shared.waiters.fetch_sub(1, Ordering::SeqCst);
        return Response::text(503, "Too many live-reload connections\n");
    }
    let generation = match (since, shared.generation.lock()) {
        (Some(since), Ok(guard)) => {
            let (guard, _) = shared
                .changed
                .wait_timeout_while(guard, HEARTBEAT, |g| *g == since)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            *guard
        }
        (_, Ok(guard)) => *guard,
        (_, Err(_)) => 0,
    };
    shared.waiters.fetch_sub(1, Ordering::SeqCst);
    Response::bytes(
        200,
        "application/json",
        format!("{{\"generation\":{generation}}}").into_bytes(),
    )
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::file_key;

    #[test]
    fn only_plain_paths_become_keys() {
        assert_eq!(file_key("/").as_deref(), Some("index.html"));
        assert_eq!(
            file_key("/statements/2019-20/").as_deref(),
            Some("statements/2019-20/index.html")
        );
        assert_eq!(
            file_key("/files/a%20b.pdf").as_deref(),
            Some("files/a b.pdf")
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2e%2e/%2e%2e/x",
            "//etc/passwd",
            "http://x/",
            "/a%5c..%5cb",
            "/a%00",
            "/%zz",
            "/a/./b",
        ] {
            assert_eq!(file_key(bad), None, "{bad}");
        }
    }
}
