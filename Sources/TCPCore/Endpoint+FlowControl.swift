/// Flow control (RFC 9293 §3.8.6), on when `EndpointConfiguration.receiveBuffer` is set: the receiver advertises
/// the free part of its buffer, the sender keeps within the peer's window and probes a zero window.
extension Endpoint {
    /// The window this host advertises: the free part of its receive buffer, or the fixed window without one.
    @inline(__always)
    var advertisedWindow: UInt32 {
        guard let buffer = configuration.receiveBuffer else { return configuration.receiveWindow }
        return buffer - min(buffer, unreadBytes)
    }

    /// How much new data the peer's window still admits: SND.UNA + SND.WND - SND.NXT (§3.8.6).
    var usableWindow: UInt32 {
        guard let tcb else { return 0 }
        let edge = tcb.sndUna &+ tcb.sndWnd
        return tcb.sndNxt.precedesOrEquals(edge) ? edge.offset(from: tcb.sndNxt) : 0
    }

    /// Whether a CLOSE can send its FIN now: with flow control, queued data that the window does not admit yet
    /// goes first, and the FIN follows it (§3.10.4).
    var finFits: Bool { configuration.receiveBuffer == nil || queuedBytes <= usableWindow }

    /// After an ACK: send what the window now admits, then a FIN that was waiting for the data.
    mutating func resumeSending(at now: UInt64, into reaction: inout Reaction) {
        guard state == .established || state == .closeWait else { return }
        if usableWindow > 0 {
            persistDeadline = nil
            flushQueue(at: now, into: &reaction)
        } else if queuedBytes > 0 {
            armPersistTimer(at: now)
        }
        if connection.close != nil, queuedBytes == 0 { sendFin(at: now, into: &reaction) }
    }

    /// Data waits behind a window with no room: probe after a retransmission timeout (SHLD-29).
    mutating func armPersistTimer(at now: UInt64) {
        guard persistDeadline == nil, unacknowledged.isEmpty else { return }
        persistTimeout = configuration.retransmissionTimeout
        persistDeadline = now + persistTimeout
    }

    /// The persist timer fired: while the window is still closed, probe it and back off (SHLD-30). The probe
    /// is the one Linux sends, <SEQ=SND.NXT-1><ACK=RCV.NXT> with no data, which the receiver must answer with its
    /// window (§3.8.6.1); the RFC's own probe carries one octet of new data.
    mutating func probeZeroWindow(at now: UInt64, into reaction: inout Reaction) {
        guard let tcb, queuedBytes > 0, usableWindow == 0, state == .established || state == .closeWait else {
            persistDeadline = nil
            return
        }
        let probe = Segment(flags: .ack, seq: tcb.sndNxt &- 1, ack: tcb.rcvNxt, window: advertisedWindow)
        reaction.sent.append((probe, .zeroWindowProbe))
        persistTimeout *= 2
        persistDeadline = now + persistTimeout
    }

    /// A read opened the window: tell the sender once at least half the buffer is free again, rather than after
    /// every byte (receiver-side silly window avoidance, §3.8.6.2.2).
    mutating func announceWindow(openedFrom before: UInt32, into reaction: inout Reaction) {
        guard let buffer = configuration.receiveBuffer, var tcb = connection.tcb else { return }
        tcb.rcvWnd = advertisedWindow
        connection.tcb = tcb
        guard state.isSynchronized, before < buffer / 2, advertisedWindow >= buffer / 2 else { return }
        sendAck(because: .windowUpdate, into: &reaction)
    }
}
