import TimelineKit

/// When the sender's engine resends a segment by its retransmission timer, against when the capture's stack
/// did: both measured from the sender's last copy, in milliseconds.
public struct RetransmissionTiming: Hashable, Sendable {
    /// The engine's wait: its timeout, doubled after each expiry (RFC 6298 §5.5).
    public var engineWait: UInt64
    /// The capture's wait between the two copies.
    public var capturedWait: UInt64

    /// Whether the capture's stack resent at another moment than the engine: more than 5 ms and a tenth apart.
    public var differs: Bool {
        let difference = engineWait > capturedWait ? engineWait - capturedWait : capturedWait - engineWait
        return difference > max(5, capturedWait / 10)
    }

    /// The note a step gets.
    public var note: LocalizedText {
        if !differs {
            return LocalizedText(
                en: "the engine's retransmission timer resends it here too: \(engineWait) ms after its last copy "
                    + "(the timeout doubles after each expiry, RFC 6298 §5.5)",
                zh: "状态机的重传定时器也在此时重传：距上一次发送\(engineWait)毫秒（每次超时后超时时间加倍，RFC 6298 §5.5）")
        }
        return LocalizedText(
            en: "the engine's retransmission timer would resend it \(engineWait) ms after its last copy (the timeout "
                + "doubles after each expiry, RFC 6298 §5.5); this stack waited \(capturedWait) ms",
            zh: "状态机的重传定时器会在距上一次发送\(engineWait)毫秒后重传（每次超时后超时时间加倍，RFC 6298 §5.5）；"
                + "此协议栈等待了\(capturedWait)毫秒")
    }
}
