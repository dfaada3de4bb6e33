//! Desktop notifications: one `org.freedesktop.Notifications.Notify` call on the session bus,
//! spoken directly over the bus's Unix socket (authentication, `Hello`, the call, its reply).
//!
//! Written by hand rather than with `notify-rust`: its pure-Rust D-Bus (zbus) added 33 crates
//! and about 80 s to a clean release build on the 2-core machine this is built on (90 s against
//! 11 s for the crates trunkrot already has), for the one call a reminder needs. The wire format
//! is small: little-endian messages, a fixed header, fields padded to their size.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// How long the bus has to answer each step before the notification is given up.
const TIMEOUT: Duration = Duration::from_secs(2);

/// Sends a notification through the session bus named by `DBUS_SESSION_BUS_ADDRESS` (else
/// `$XDG_RUNTIME_DIR/bus`). Returns why not when there is no bus or no notification service.
pub fn notify(summary: &str, body: &str) -> Result<(), String> {
    let address = match std::env::var("DBUS_SESSION_BUS_ADDRESS") {
        Ok(address) if !address.trim().is_empty() => address,
        _ => match std::env::var_os("XDG_RUNTIME_DIR") {
            Some(dir) => format!("unix:path={}/bus", std::path::Path::new(&dir).display()),
            None => return Err("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)".to_owned()),
        },
    };
    notify_on(&address, summary, body).map(|_| ())
}

/// Sends a notification through the bus at `address`; the id the service gave it.
pub fn notify_on(address: &str, summary: &str, body: &str) -> Result<u32, String> {
    let mut bus = Bus::connect(address)?;
    let reply = bus.call(&notify_call(summary, body)).map_err(|why| match why.as_str() {
        "org.freedesktop.DBus.Error.ServiceUnknown" | "org.freedesktop.DBus.Error.NameHasNoOwner" => {
            "no notification service on the session bus".to_owned()
        }
        other => format!("the notification service refused it: {other}"),
    })?;
    Ok(reply.body.get(..4).map_or(0, |id| u32::from_le_bytes([id[0], id[1], id[2], id[3]])))
}

/// A method call to send: where, what, and its arguments already marshalled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub destination: &'static str,
    pub path: &'static str,
    pub interface: &'static str,
    pub member: &'static str,
    pub signature: &'static str,
    pub body: Vec<u8>,
}

/// The `Notify` call: from trunkrot, a new notification, no icon or actions, the server's own
/// time-out.
pub fn notify_call(summary: &str, body: &str) -> Call {
    let mut args = Marshal::default();
    args.string("trunkrot");
    args.u32(0);
    args.string("");
    args.string(summary);
    args.string(body);
    args.u32(0); // actions: an empty array of strings
    args.u32(0); // hints: an empty array of dict entries, whose first would sit at 8
    args.pad(8);
    args.u32(u32::MAX); // expire_timeout -1: as the server sees fit
    Call {
        destination: "org.freedesktop.Notifications",
        path: "/org/freedesktop/Notifications",
        interface: "org.freedesktop.Notifications",
        member: "Notify",
        signature: "susssasa{sv}i",
        body: args.bytes,
    }
}

/// A connection to a bus, authenticated and named.
pub struct Bus {
    stream: BufReader<UnixStream>,
    serial: u32,
}

/// A message read from the bus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// 1 a method call, 2 a reply, 3 an error, 4 a signal.
    pub kind: u8,
    pub serial: u32,
    pub reply_to: Option<u32>,
    pub error: Option<String>,
    pub member: Option<String>,
    pub sender: Option<String>,
    pub body: Vec<u8>,
}

impl Bus {
    /// Connects to the first address of `address` that is a Unix socket, authenticates as this
    /// user (`EXTERNAL`) and says `Hello`.
    pub fn connect(address: &str) -> Result<Bus, String> {
        let stream = address
            .split(';')
            .find_map(|one| open(one).transpose())
            .unwrap_or_else(|| Err(io::Error::other(format!("no Unix socket address in `{address}`"))))
            .map_err(|e| format!("cannot reach the session bus: {}", crate::shell::regular_file::in_words(&e)))?;
        stream
            .set_read_timeout(Some(TIMEOUT))
            .and_then(|()| stream.set_write_timeout(Some(TIMEOUT)))
            .map_err(|e| e.to_string())?;
        let mut bus = Bus { stream: BufReader::new(stream), serial: 0 };
        bus.authenticate().map_err(|e| format!("the session bus did not let us in: {e}"))?;
        let hello = Call {
            destination: "org.freedesktop.DBus",
            path: "/org/freedesktop/DBus",
            interface: "org.freedesktop.DBus",
            member: "Hello",
            signature: "",
            body: Vec::new(),
        };
        bus.call(&hello).map_err(|why| format!("the session bus refused Hello: {why}"))?;
        Ok(bus)
    }

    fn authenticate(&mut self) -> io::Result<()> {
        let uid = rustix::process::getuid().as_raw().to_string();
        // The uid in decimal, each of its bytes written as two hex digits.
        let hex = uid.bytes().fold(String::new(), |mut hex, b| {
            let _ = std::fmt::Write::write_fmt(&mut hex, format_args!("{b:02x}"));
            hex
        });
        self.stream.get_mut().write_all(format!("\0AUTH EXTERNAL {hex}\r\n").as_bytes())?;
        let mut line = String::new();
        self.stream.read_line(&mut line)?;
        if !line.starts_with("OK ") {
            return Err(io::Error::other(format!("it answered `{}`", line.trim())));
        }
        self.stream.get_mut().write_all(b"BEGIN\r\n")
    }

    /// Sends `call` and waits for its reply, passing over the signals that come first; an error
    /// reply is its name.
    pub fn call(&mut self, call: &Call) -> Result<Message, String> {
        self.serial += 1;
        let serial = self.serial;
        self.send(&method_call(serial, call)).map_err(|e| e.to_string())?;
        loop {
            let message = self.read().map_err(|e| e.to_string())?;
            if message.reply_to == Some(serial) {
                return match message.kind {
                    3 => Err(message.error.unwrap_or_else(|| "an error".to_owned())),
                    _ => Ok(message),
                };
            }
        }
    }

    /// Writes a whole message.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.get_mut().write_all(bytes)
    }

    /// The next serial number, for a message built by hand.
    pub fn next_serial(&mut self) -> u32 {
        self.serial += 1;
        self.serial
    }

    /// Reads the next message whole.
    pub fn read(&mut self) -> io::Result<Message> {
        let mut fixed = [0_u8; 16];
        self.stream.read_exact(&mut fixed)?;
        if fixed[0] != b'l' {
            return Err(io::Error::other("a big-endian message, which this client does not read"));
        }
        let body_len = u32::from_le_bytes([fixed[4], fixed[5], fixed[6], fixed[7]]) as usize;
        let fields_len = u32::from_le_bytes([fixed[12], fixed[13], fixed[14], fixed[15]]) as usize;
        if body_len > 1 << 20 || fields_len > 1 << 16 {
            return Err(io::Error::other("a message too large for a notification's reply"));
        }
        let mut rest = vec![0_u8; fields_len.next_multiple_of(8) + body_len];
        self.stream.read_exact(&mut rest)?;
        let fields = fields(&rest[..fields_len]);
        Ok(Message {
            kind: fixed[1],
            serial: u32::from_le_bytes([fixed[8], fixed[9], fixed[10], fixed[11]]),
            reply_to: fields.reply_to,
            error: fields.error,
            member: fields.member,
            sender: fields.sender,
            body: rest[fields_len.next_multiple_of(8)..].to_vec(),
        })
    }
}

/// Opens one address (`unix:path=...` or `unix:abstract=...`); `None` for another transport.
fn open(address: &str) -> io::Result<Option<UnixStream>> {
    let Some(keys) = address.trim().strip_prefix("unix:") else { return Ok(None) };
    for pair in keys.split(',') {
        match pair.split_once('=') {
            Some(("path", path)) => return UnixStream::connect(unescape(path)).map(Some),
            #[cfg(target_os = "linux")]
            Some(("abstract", name)) => {
                use std::os::linux::net::SocketAddrExt;
                let address = std::os::unix::net::SocketAddr::from_abstract_name(unescape(name).as_bytes())?;
                return UnixStream::connect_addr(&address).map(Some);
            }
            _ => {}
        }
    }
    Ok(None)
}

/// An address value with its `%XX` escapes undone.
fn unescape(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped =
            bytes.get(index + 1..index + 3).and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match (bytes[index], escaped) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Values marshalled little-endian, each at its alignment from the start.
#[derive(Default)]
pub struct Marshal {
    pub bytes: Vec<u8>,
}

impl Marshal {
    pub fn pad(&mut self, alignment: usize) {
        while !self.bytes.len().is_multiple_of(alignment) {
            self.bytes.push(0);
        }
    }

    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub fn u32(&mut self, value: u32) {
        self.pad(4);
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A string or an object path: its length, its bytes and a nul.
    pub fn string(&mut self, value: &str) {
        self.u32(u32::try_from(value.len()).unwrap_or(u32::MAX));
        self.bytes.extend_from_slice(value.as_bytes());
        self.bytes.push(0);
    }

    /// A signature: its length in one byte, its bytes and a nul.
    pub fn signature(&mut self, value: &str) {
        self.u8(u8::try_from(value.len()).unwrap_or(u8::MAX));
        self.bytes.extend_from_slice(value.as_bytes());
        self.bytes.push(0);
    }

    /// One header field: its code, then a variant of type `kind` holding `value`.
    fn field(&mut self, code: u8, kind: &str, value: &str) {
        self.pad(8);
        self.u8(code);
        self.signature(kind);
        match kind {
            "g" => self.signature(value),
            _ => self.string(value),
        }
    }
}

/// A whole method call message with serial `serial`.
pub fn method_call(serial: u32, call: &Call) -> Vec<u8> {
    message(
        1,
        serial,
        &[(1, "o", call.path), (2, "s", call.interface), (3, "s", call.member), (6, "s", call.destination)],
        call.signature,
        None,
        &call.body,
    )
}

/// A whole message: the fixed header, the header fields (`(code, type, value)`, plus the body's
/// signature and the serial replied to, if any), then the body at the next multiple of 8.
pub fn message(
    kind: u8,
    serial: u32,
    fields: &[(u8, &str, &str)],
    signature: &str,
    reply_to: Option<u32>,
    body: &[u8],
) -> Vec<u8> {
    let mut header = Marshal::default();
    header.bytes.extend_from_slice(&[b'l', kind, 0, 1]);
    header.u32(u32::try_from(body.len()).unwrap_or(u32::MAX));
    header.u32(serial);
    header.u32(0); // the fields' length, filled in below
    let start = header.bytes.len();
    for (code, kind, value) in fields {
        header.field(*code, kind, value);
    }
    if !signature.is_empty() {
        header.field(8, "g", signature);
    }
    if let Some(reply_to) = reply_to {
        header.pad(8);
        header.u8(5);
        header.signature("u");
        header.u32(reply_to);
    }
    let length = u32::try_from(header.bytes.len() - start).unwrap_or(u32::MAX);
    header.bytes[12..16].copy_from_slice(&length.to_le_bytes());
    header.pad(8);
    header.bytes.extend_from_slice(body);
    header.bytes
}

/// The header fields this client looks at.
#[derive(Default)]
struct Fields {
    reply_to: Option<u32>,
    error: Option<String>,
    member: Option<String>,
    sender: Option<String>,
}

/// Reads the header fields array (its bytes, starting at offset 16 of the message).
fn fields(bytes: &[u8]) -> Fields {
    let mut found = Fields::default();
    // Offsets count from the message's start, 16 bytes before these.
    let mut at = 0;
    let aligned = |at: usize, to: usize| (at + 16).next_multiple_of(to) - 16;
    while at < bytes.len() {
        at = aligned(at, 8);
        let (Some(&code), Some(&kind_len)) = (bytes.get(at), bytes.get(at + 1)) else { break };
        let kind = bytes.get(at + 2..at + 2 + kind_len as usize).unwrap_or_default().to_vec();
        at += 3 + kind_len as usize;
        match kind.as_slice() {
            b"s" | b"o" => {
                at = aligned(at, 4);
                let Some(len) = bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                else {
                    break;
                };
                let text = bytes.get(at + 4..at + 4 + len).map(|b| String::from_utf8_lossy(b).into_owned());
                at += 5 + len;
                match code {
                    3 => found.member = text,
                    4 => found.error = text,
                    7 => found.sender = text,
                    _ => {}
                }
            }
            b"u" => {
                at = aligned(at, 4);
                if code == 5 {
                    found.reply_to = bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                }
                at += 4;
            }
            b"g" => {
                let len = bytes.get(at).copied().unwrap_or(0) as usize;
                at += 2 + len;
            }
            // A field of a type no bus sends in a header: the rest cannot be read.
            _ => break,
        }
    }
    found
}

#[cfg(test)]
mod tests;
