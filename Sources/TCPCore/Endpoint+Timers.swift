/// Timeouts (RFC 9293 §3.10.8) on the virtual clock.
extension Endpoint {
    /// Fires every timer due at or before `now`, earliest first.
    public mutating func advance(to now: UInt64, into reaction: inout Reaction) {
        while let deadline = nextDeadline, deadline <= now {
            fireTimer(at: deadline, into: &reaction)
        }
    }

    mutating func fireTimer(at now: UInt64, into reaction: inout Reaction) {
        if let deadline = timeWaitDeadline, deadline <= now {
            // TIME_WAIT has lasted 2 MSL: delete the TCB, CLOSED.
            deleteTCB(because: .timeWaitExpired, into: &reaction)
        } else if let deadline = userTimeoutDeadline, deadline <= now {
            // USER TIMEOUT: flush all queues, signal the user, delete the TCB; no segment is sent.
            reaction.errors.append(.userTimeout)
            deleteTCB(because: .userTimeout, into: &reaction)
        } else if let deadline = retransmissionDeadline, deadline <= now {
            retransmitOldest(at: now, into: &reaction)
        } else if let deadline = delayedAckDeadline, deadline <= now {
            sendAck(because: .delayedAckSent, into: &reaction)
        } else if let deadline = keepAliveDeadline, deadline <= now {
            fireKeepAlive(at: now, into: &reaction)
        } else if let deadline = persistDeadline, deadline <= now {
            probeZeroWindow(at: now, into: &reaction)
        }
    }

    /// RETRANSMISSION TIMEOUT: send the oldest unacknowledged segment again and back off (RFC 6298 §5.5–5.6).
    mutating func retransmitOldest(at now: UInt64, into reaction: inout Reaction) {
        guard var segment = unacknowledged.first, let tcb else {
            retransmissionDeadline = nil
            return
        }
        if segment.has(.ack) { segment.ackNumber = tcb.rcvNxt }
        delayedAckDeadline = nil
        reaction.sent.append((segment, .retransmissionTimeout))
        currentRetransmissionTimeout *= 2
        retransmissionDeadline = now + currentRetransmissionTimeout
    }
}
