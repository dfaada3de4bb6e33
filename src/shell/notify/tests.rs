use std::io::BufRead as _;
use std::process::{Child, Command, Stdio};

use super::*;

#[test]
fn a_method_call_is_laid_out_as_the_wire_format_says() {
    let bytes = method_call(3, &notify_call("Exercises", "rot 1/2"));
    assert_eq!(&bytes[..4], b"l\x01\x00\x01", "little-endian, a method call, no flags, version 1");
    let body_len = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let fields_len = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    assert_eq!(u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]), 3, "the serial");
    let body_at = (16 + fields_len).next_multiple_of(8);
    assert_eq!(bytes.len(), body_at + body_len, "the body starts at a multiple of 8 and ends the message");
    let body = &bytes[body_at..];
    assert_eq!(&body[..13], b"\x08\x00\x00\x00trunkrot\x00", "app_name: length, bytes, nul");
    assert_eq!(&body[body.len() - 4..], &[0xff; 4], "expire_timeout -1 last");
    assert_eq!(body.len() % 4, 0);
    let header = fields(&bytes[16..16 + fields_len]);
    assert_eq!(header.member.as_deref(), Some("Notify"));
    assert!(bytes.windows(14).any(|w| w == b"\x0dsusssasa{sv}i"), "the body's signature is a header field");
}

#[test]
fn a_reply_header_reads_back_its_fields() {
    let reply =
        message(3, 9, &[(4, "s", "org.freedesktop.DBus.Error.ServiceUnknown"), (7, "s", ":1.0")], "s", Some(41), b"");
    let fields_len = u32::from_le_bytes([reply[12], reply[13], reply[14], reply[15]]) as usize;
    let read = fields(&reply[16..16 + fields_len]);
    assert_eq!(read.reply_to, Some(41));
    assert_eq!(read.error.as_deref(), Some("org.freedesktop.DBus.Error.ServiceUnknown"));
    assert_eq!(read.sender.as_deref(), Some(":1.0"));
}

#[test]
fn addresses_are_unescaped_and_other_transports_passed_over() {
    assert_eq!(unescape("/tmp/a%2cb%3d"), "/tmp/a,b=");
    assert_eq!(unescape("100%"), "100%");
    assert!(open("tcp:host=localhost,port=1").expect("no error for another transport").is_none());
    let missing = Bus::connect("unix:path=/nonexistent/bus").err().expect("no bus there");
    assert_eq!(missing, "cannot reach the session bus: no such file", "in words, not `(os error 2)`");
}

/// A private session bus for one test, ended when dropped.
struct Daemon {
    child: Child,
    address: String,
}

impl Daemon {
    /// `None` where dbus-daemon is not installed: the test then proves nothing and says so.
    fn start() -> Option<Daemon> {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut address = String::new();
        std::io::BufReader::new(child.stdout.take()?).read_line(&mut address).ok()?;
        Some(Daemon { child, address: address.trim().to_owned() })
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn on_a_real_bus_without_a_notification_service_the_call_says_so() {
    let Some(daemon) = Daemon::start() else {
        eprintln!("dbus-daemon is not installed: skipped");
        return;
    };
    let why = notify_on(&daemon.address, "Exercises", "rot 1/2").expect_err("no service on a fresh bus");
    assert_eq!(why, "no notification service on the session bus");
}

#[test]
fn on_a_real_bus_the_notification_reaches_the_service_that_owns_the_name() {
    let Some(daemon) = Daemon::start() else {
        eprintln!("dbus-daemon is not installed: skipped");
        return;
    };
    // A stand-in notification service: it takes the name, then answers one Notify with id 7.
    let mut service = Bus::connect(&daemon.address).expect("the service connects");
    let mut name = Marshal::default();
    name.string("org.freedesktop.Notifications");
    name.u32(4); // DO_NOT_QUEUE
    let request = Call {
        destination: "org.freedesktop.DBus",
        path: "/org/freedesktop/DBus",
        interface: "org.freedesktop.DBus",
        member: "RequestName",
        signature: "su",
        body: name.bytes,
    };
    let owned = service.call(&request).expect("the name is free");
    assert_eq!(owned.body, 1_u32.to_le_bytes(), "PRIMARY_OWNER");
    let address = daemon.address.clone();
    let client = std::thread::spawn(move || notify_on(&address, "Exercises", "rot 1/2"));
    let call = loop {
        let message = service.read().expect("the call arrives");
        if message.member.as_deref() == Some("Notify") {
            break message;
        }
    };
    assert!(call.body.windows(9).any(|w| w == b"Exercises"), "the summary in the body");
    assert!(call.body.windows(7).any(|w| w == b"rot 1/2"), "the text in the body");
    let sender = call.sender.clone().expect("the bus names the sender");
    let serial = service.next_serial();
    service
        .send(&message(2, serial, &[(6, "s", &sender)], "u", Some(call.serial), &7_u32.to_le_bytes()))
        .expect("reply");
    assert_eq!(client.join().expect("the client thread"), Ok(7));
}
