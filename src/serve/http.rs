//! HTTP/1.1 for the dev server, on `std::net`: one accept thread, a thread per connection
//! (bounded), request heads read with httparse, and every answer sent with a Content-Length.
//! What each request gets is `routes.rs`'s business; this file only keeps the protocol.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use super::connections::{Connections, Place, Threads};
use super::http_date::http_date;

/// How long a request head may take once its first byte has come (slowloris).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection may wait for its next request before it is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a piece of an answer may take to write (a client that stopped reading) before
/// the connection is given up.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// How much is read from a file, or written, at a time.
const PIECE: usize = 64 << 10;
/// The largest request head read; a longer one is answered 431.
pub const MAX_HEAD: usize = 16 << 10;
/// Header lines a request may have; more is answered 431.
const MAX_HEADERS: usize = 64;
/// The wait before accepting again after an accept error (out of file descriptors, say).
const ACCEPT_RETRY: Duration = Duration::from_millis(100);
/// The longest an accept error goes unsaid again while it lasts.
const ACCEPT_QUIET: Duration = Duration::from_secs(60);
/// How long, after a last answer, what the client still sends is read and dropped.
const LINGER: Duration = Duration::from_secs(1);

/// A GET or HEAD request, as the site sees it (the protocol answers anything else itself).
pub struct Request {
    /// The request target as sent: a path, with its query.
    pub target: String,
    /// The value of each Host header, in lower case.
    pub hosts: Vec<String>,
}

/// An answer: its status, its headers (Content-Type, Location...) and its body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Payload,
}

pub enum Payload {
    Bytes(Vec<u8>),
    /// The first `len` bytes of a file, read as they are sent: a large file is never held
    /// in memory whole.
    File(std::fs::File, u64),
}

impl Response {
    pub fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: Payload::Bytes(body),
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response::bytes(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }
}

/// Serves connections on `listener` for as long as the process runs, each request answered
/// by `answer`. An accept error is said and waited out; it never ends the loop.
pub fn serve(
    listener: &TcpListener,
    answer: impl Fn(&Request) -> Response + Send + Sync + 'static,
) -> ! {
    let answer = Arc::new(answer);
    let open = Arc::new(Connections::default());
    let threads = Arc::new(Threads::default());
    let mut quiet_until: Option<Instant> = None;
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) => {
                if quiet_until.is_none_or(|until| Instant::now() >= until) {
                    eprintln!(
                        "warning: cannot accept connections ({e}); trying again until it works"
                    );
                    quiet_until = Some(Instant::now() + ACCEPT_QUIET);
                }
                std::thread::sleep(ACCEPT_RETRY);
                continue;
            }
        };
        let Some(place) = open.admit(&stream) else {
            refuse(&stream);
            continue;
        };
        let answer = Arc::clone(&answer);
        threads.run(Box::new(move || connection(stream, &place, &*answer)));
    }
}

/// 503 on the accept thread, which must not block: the answer fits the socket's buffer, and
/// what the client has already sent is read so that closing does not reset the connection.
fn refuse(stream: &TcpStream) {
    let text = "Service Unavailable: too many connections at once; try again.\n";
    let mut bytes = head(&Response::text(503, text), text.len() as u64, true);
    bytes.extend_from_slice(text.as_bytes());
    if stream.set_nonblocking(true).is_ok() {
        let _ = (&*stream).write(&bytes);
        let _ = stream.shutdown(Shutdown::Write);
        let mut sink = [0; 4096];
        for _ in 0..16 {
            if !matches!((&*stream).read(&mut sink), Ok(1..)) {
                break;
            }
        }
    }
}

/// What came next on a connection.
enum Next {
    /// A request to answer; `head` for HEAD; `keep_alive` unless HTTP/1.0 or
    /// `Connection: close`.
    Request {
        request: Request,
        head: bool,
        keep_alive: bool,
    },
    /// An answer the protocol gives itself, after which the connection is closed.
    Refuse(Response),
    /// Nothing more: the client closed it, or left it idle for `IDLE_TIMEOUT`.
    End,
}

/// Answers a connection's requests in order until it ends.
fn connection(mut stream: TcpStream, place: &Place, answer: &dyn Fn(&Request) -> Response) {
    // Headers and body go out in one write; no waiting for an acknowledgement in between.
    let _ = stream.set_nodelay(true);
    if stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err() {
        return;
    }
    let mut buffer = Vec::new();
    loop {
        let (response, head, keep_alive) = match next(&mut stream, &mut buffer, place) {
            Next::Request {
                request,
                head,
                keep_alive,
            } => (answer(&request), head, keep_alive),
            Next::Refuse(response) => (response, false, false),
            Next::End => return,
        };
        match send(&mut stream, response, head, !keep_alive) {
            // A write that blocked for `WRITE_TIMEOUT` or a file cut short: nothing more can
            // be said on this connection.
            Ok(false) | Err(_) => return,
            Ok(true) if keep_alive => {}
            Ok(true) => return linger(&stream),
        }
    }
}

/// Reads the next request head: waiting for its first byte at most `IDLE_TIMEOUT`, and for
/// the rest of it at most `HEAD_TIMEOUT`. Bytes after the head stay in `buffer` (the next
/// request, sent before this one was answered).
fn next(stream: &mut TcpStream, buffer: &mut Vec<u8>, place: &Place) -> Next {
    if buffer.is_empty() {
        place.idle(true);
        if !matches!(fill(stream, buffer, IDLE_TIMEOUT), Ok(1..)) {
            return Next::End;
        }
    }
    place.idle(false);
    let deadline = Instant::now() + HEAD_TIMEOUT;
    loop {
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut head = httparse::Request::new(&mut headers);
        let too_large = || Response::text(431, "Request Header Fields Too Large\n");
        match head.parse(buffer) {
            Ok(httparse::Status::Complete(len)) => {
                let next = judge(&head);
                buffer.drain(..len);
                return next;
            }
            Ok(httparse::Status::Partial) if buffer.len() < MAX_HEAD => {}
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Next::Refuse(too_large());
            }
            Err(_) => return Next::Refuse(Response::text(400, "Bad Request\n")),
        }
        let timed_out = || Next::Refuse(Response::text(408, "Request Timeout\n"));
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            return timed_out();
        };
        match fill(stream, buffer, left) {
            Ok(1..) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return timed_out();
            }
            Ok(0) | Err(_) => return Next::End,
        }
    }
}

/// Reads what has come (4 KiB at most) onto `buffer`, waiting for it at most `wait`.
fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>, wait: Duration) -> io::Result<usize> {
    stream.set_read_timeout(Some(wait.max(Duration::from_millis(1))))?;
    let mut chunk = [0; 4096];
    let n = stream.read(&mut chunk)?;
    buffer.extend_from_slice(&chunk[..n]);
    Ok(n)
}

/// What to do with a complete request head: GET and HEAD without a body are answered; any
/// other method, and a body (which would have to be read past), are refused.
fn judge(head: &httparse::Request) -> Next {
    let values = |name: &'static str| {
        head.headers
            .iter()
            .filter(move |h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value))
    };
    let method = head.method.unwrap_or_default();
    if method != "GET" && method != "HEAD" {
        let mut response = Response::text(405, "Method Not Allowed: only GET and HEAD\n");
        response.headers.push(("Allow", "GET, HEAD".into()));
        return Next::Refuse(response);
    }
    if values("transfer-encoding").next().is_some() {
        return Next::Refuse(Response::text(400, "Bad Request: a request body\n"));
    }
    for length in values("content-length") {
        match length.trim().parse::<u64>() {
            Ok(0) => {}
            Ok(_) => return Next::Refuse(Response::text(413, "Content Too Large\n")),
            Err(_) => return Next::Refuse(Response::text(400, "Bad Request\n")),
        }
    }
    let close = head.version != Some(1)
        || values("connection")
            .any(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")));
    Next::Request {
        request: Request {
            target: head.path.unwrap_or_default().to_string(),
            hosts: values("host").map(|v| v.to_ascii_lowercase()).collect(),
        },
        head: method == "HEAD",
        keep_alive: !close,
    }
}

/// Writes `response` (its headers only for HEAD). `Ok(false)` if a file's body was cut
/// short (the file shrank), so the connection cannot go on.
fn send(
    stream: &mut TcpStream,
    response: Response,
    head_only: bool,
    close: bool,
) -> io::Result<bool> {
    let length = match &response.body {
        Payload::Bytes(bytes) => bytes.len() as u64,
        Payload::File(_, length) => *length,
    };
    let mut bytes = head(&response, length, close);
    match response.body {
        _ if head_only => {}
        Payload::Bytes(body) => bytes.extend_from_slice(&body),
        Payload::File(file, length) => {
            write_all(stream, &bytes)?;
            let mut file = file.take(length);
            let mut piece = vec![0; PIECE];
            let mut sent = 0;
            loop {
                let n = file.read(&mut piece)?;
                if n == 0 {
                    return Ok(sent == length);
                }
                write_all(stream, &piece[..n])?;
                sent += n as u64;
            }
        }
    }
    write_all(stream, &bytes).map(|()| true)
}

/// Writes `bytes` a piece at a time, giving up once a piece has taken `WRITE_TIMEOUT` (a
/// client that stopped reading). The socket's timeout ends a blocked write, but one that
/// got part of its bytes out returns that part, not an error: left to that alone, giving
/// up could take twice as long, or never come for a trickle.
fn write_all(stream: &mut TcpStream, bytes: &[u8]) -> io::Result<()> {
    for mut piece in bytes.chunks(PIECE) {
        let started = Instant::now();
        while !piece.is_empty() {
            match stream.write(piece) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => piece = &piece[n..],
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
            if !piece.is_empty() && started.elapsed() >= WRITE_TIMEOUT {
                return Err(io::ErrorKind::TimedOut.into());
            }
        }
    }
    Ok(())
}

/// The status line and headers of `response`, with the headers every answer has.
fn head(response: &Response, length: u64, close: bool) -> Vec<u8> {
    let mut text = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\n",
        response.status,
        reason(response.status),
        http_date(SystemTime::now())
    );
    for (name, value) in &response.headers {
        // A value with a line break would start a header of its own; none is sent.
        if !value.contains(['\r', '\n']) {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    text.push_str(&format!(
        "Content-Length: {length}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
    ));
    if close {
        text.push_str("Connection: close\r\n");
    }
    text.push_str("\r\n");
    text.into_bytes()
}

/// Closes after a last answer without losing it: a socket closed with bytes unread resets
/// the connection, which can discard the answer before the client reads it. So the sending
/// side is shut first, and what the client still sends is read and dropped, for `LINGER`
/// at most.
fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + LINGER;
    let mut sink = [0; 4096];
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        if stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .is_err()
            || !matches!((&*stream).read(&mut sink), Ok(1..))
        {
            break;
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}
