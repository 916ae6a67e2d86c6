import TimelineKit

/// What a captured segment is, as the inference sees it. A segment may carry several labels.
public enum SegmentLabel: String, Hashable, Sendable, CaseIterable {
    /// SYN, SYN+ACK, or the ACK that completes the handshake.
    case handshake
    /// Carries data bytes.
    case data
    /// FIN, or an ACK exchanged while a host is closing.
    case teardown
    /// RST.
    case reset
    /// Sends sequence numbers again that were already sent (RFC 9293 §3.8.1).
    case retransmission
    /// An exact copy of an earlier segment.
    case duplicate
    /// Arrives after segments with higher sequence numbers: it fills a gap the capture showed earlier.
    case outOfOrder
    /// Probes a zero window (RFC 9293 §3.8.6.1).
    case windowProbe
    /// Checks an idle connection: one sequence number behind SND.NXT (RFC 9293 §3.8.4).
    case keepAlive
    /// The engine would not have sent this here; the step says what it expected and why.
    case notPredicted
    /// Segments before this one are missing from the capture (or the capture starts mid-connection).
    case gap

    /// The label as shown: `out of order`, `keep-alive`.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.handshake, .en): "handshake"
        case (.handshake, .zh): "握手"
        case (.data, .en): "data"
        case (.data, .zh): "数据"
        case (.teardown, .en): "teardown"
        case (.teardown, .zh): "挥手"
        case (.reset, .en): "reset"
        case (.reset, .zh): "复位"
        case (.retransmission, .en): "retransmission"
        case (.retransmission, .zh): "重传"
        case (.duplicate, .en): "duplicate"
        case (.duplicate, .zh): "重复"
        case (.outOfOrder, .en): "out of order"
        case (.outOfOrder, .zh): "乱序"
        case (.windowProbe, .en): "window probe"
        case (.windowProbe, .zh): "窗口探测"
        case (.keepAlive, .en): "keep-alive"
        case (.keepAlive, .zh): "保活"
        case (.notPredicted, .en): "not predicted by the engine"
        case (.notPredicted, .zh): "与状态机预测不符"
        case (.gap, .en): "gap"
        case (.gap, .zh): "缺口"
        }
    }
}
