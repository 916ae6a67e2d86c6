import LessonKit
import TCPCore

/// Hand-built timelines of the seed document's examples. Tests draw them, and the tutor offers them when no
/// lesson files can be found, so the screen can always be tried.
public enum SampleLessons {
    static let hostA = HostAddress(address: "192.168.1.116", port: 3337)
    static let hostB = HostAddress(address: "192.168.1.123", port: 7788)
    static let issA = SequenceNumber(3_626_544_836)
    static let issB = SequenceNumber(1_739_326_486)

    /// The seed's three-way handshake: A 192.168.1.116:3337 connects to B 192.168.1.123:7788.
    public static var handshake: Timeline {
        var builder = Builder()
        let closedA = HostSnapshot(state: .closed, tcb: nil)
        var a = closedA
        var b = HostSnapshot(state: .closed, tcb: nil)
        builder.add(
            .start, a, b, [:],
            LocalizedText(
                en:
                    "Two hosts, both CLOSED. A at 192.168.1.116 port 3337 will connect to B at 192.168.1.123 port 7788.",
                zh: "两台主机都处于 CLOSED 状态。主机A（192.168.1.116，端口3337）将连接主机B（192.168.1.123，端口7788）。"))
        b.state = .listen
        builder.add(
            .call(.b, .listen), a, b, [.b: [Transition(from: .closed, to: .listen, because: .passiveOpen)]],
            LocalizedText(
                en: "B opens a passive socket and waits in LISTEN (RFC 9293 §3.10.1).",
                zh: "主机B被动打开，进入 LISTEN 状态，等待连接（RFC 9293 §3.10.1）。"))
        var tcbA = TCB(iss: issA, receiveWindow: 65535)
        tcbA.sndNxt = issA &+ 1
        a = HostSnapshot(state: .synSent, tcb: tcbA)
        let syn = Segment(flags: .syn, seq: issA)
        builder.add(
            .call(.a, .connect), a, b, [.a: [Transition(from: .closed, to: .synSent, because: .activeOpen)]],
            LocalizedText(
                en: "A picks its initial sequence number 3626544836 and sends SYN; it enters SYN_SENT.",
                zh: "主机A选择初始序列号 3626544836，发送 SYN 报文段，进入 SYN_SENT 状态。"),
            emitted: [
                WireEvent(
                    from: .a, to: .b, segment: syn, fate: .delivered, sentBecause: .activeOpen, handledBecause: nil)
            ])
        var tcbB = TCB(iss: issB, receiveWindow: 65535)
        tcbB.irs = issA
        tcbB.rcvNxt = issA &+ 1
        tcbB.sndNxt = issB &+ 1
        b = HostSnapshot(state: .synReceived, tcb: tcbB)
        builder.add(
            .segment(
                WireEvent(
                    from: .a, to: .b, segment: syn, fate: .delivered, sentBecause: .activeOpen,
                    handledBecause: .listenAnswersSyn)),
            a, b, [.b: [Transition(from: .listen, to: .synReceived, because: .listenAnswersSyn)]],
            LocalizedText(
                en: "The SYN reaches B. B records IRS = 3626544836, expects 3626544837 next, and enters SYN_RECEIVED.",
                zh: "SYN 到达主机B。B 记下 IRS = 3626544836，下一个期望的序列号是 3626544837，进入 SYN_RECEIVED 状态。"))
        let synAck = Segment(flags: .syn, seq: issB, ack: issA &+ 1)
        tcbA.irs = issB
        tcbA.rcvNxt = issB &+ 1
        tcbA.sndUna = issA &+ 1
        a = HostSnapshot(state: .established, tcb: tcbA)
        builder.add(
            .segment(
                WireEvent(
                    from: .b, to: .a, segment: synAck, fate: .delivered, sentBecause: .listenAnswersSyn,
                    handledBecause: .synSentCompletesHandshake)),
            a, b, [.a: [Transition(from: .synSent, to: .established, because: .synSentCompletesHandshake)]],
            LocalizedText(
                en: "B answers SYN+ACK: its own ISN 1739326486, and ack 3626544837 = A's ISN + 1, because a SYN "
                    + "occupies one sequence number (RFC 9293 §3.4). A enters ESTABLISHED.",
                zh: "主机B回复 SYN+ACK：自己的初始序列号 1739326486，确认号 3626544837 = A 的 ISN + 1，"
                    + "因为 SYN 占用一个序列号（RFC 9293 §3.4）。主机A进入 ESTABLISHED 状态。"),
            quiz: QuizPoint(fields: [.sender, .flags, .seq, .ack], line: 12))
        let ack = Segment(flags: [], seq: issA &+ 1, ack: issB &+ 1)
        tcbB.sndUna = issB &+ 1
        b = HostSnapshot(state: .established, tcb: tcbB)
        builder.add(
            .segment(
                WireEvent(
                    from: .a, to: .b, segment: ack, fate: .delivered, sentBecause: .synSentCompletesHandshake,
                    handledBecause: .synReceivedAckEstablishes)),
            a, b, [.b: [Transition(from: .synReceived, to: .established, because: .synReceivedAckEstablishes)]],
            LocalizedText(
                en: "A acknowledges B's SYN with ack 1739326487. A bare ACK occupies no sequence number. "
                    + "B enters ESTABLISHED: the connection is open.",
                zh: "主机A用确认号 1739326487 确认B的 SYN。纯 ACK 不占用序列号。主机B进入 ESTABLISHED 状态，连接建立。"))
        return Timeline(
            lessonID: "three-way-handshake", title: LocalizedText(en: "The three-way handshake", zh: "三次握手"),
            hosts: [.a: hostA, .b: hostB], isn: [.a: issA, .b: issB], numbering: .absolute, frames: builder.frames)
    }

    /// A connection attempt to a port where nothing listens: SYN, then RST+ACK (RFC 9293 §3.10.7.1).
    public static var refused: Timeline {
        var builder = Builder()
        var a = HostSnapshot(state: .closed, tcb: nil)
        let b = HostSnapshot(state: .closed, tcb: nil)
        builder.add(
            .start, a, b, [:],
            LocalizedText(en: "Nothing listens on B's port 7788.", zh: "主机B的 7788 端口上没有进程监听。"))
        var tcbA = TCB(iss: issA, receiveWindow: 65535)
        tcbA.sndNxt = issA &+ 1
        a = HostSnapshot(state: .synSent, tcb: tcbA)
        let syn = Segment(flags: .syn, seq: issA)
        builder.add(
            .call(.a, .connect), a, b, [.a: [Transition(from: .closed, to: .synSent, because: .activeOpen)]],
            LocalizedText(en: "A sends SYN.", zh: "主机A发送 SYN。"))
        builder.add(
            .segment(
                WireEvent(
                    from: .a, to: .b, segment: syn, fate: .delivered, sentBecause: .activeOpen,
                    handledBecause: .closedResetsNonAckSegment)),
            a, b, [:],
            LocalizedText(en: "B has no connection for it.", zh: "主机B没有对应的连接。"))
        let reset = Segment(flags: .rst, seq: SequenceNumber(0), ack: issA &+ 1)
        a = HostSnapshot(state: .closed, tcb: nil)
        builder.add(
            .segment(
                WireEvent(
                    from: .b, to: .a, segment: reset, fate: .delivered, sentBecause: .closedResetsNonAckSegment,
                    handledBecause: .synSentAcceptsReset)),
            a, b, [.a: [Transition(from: .synSent, to: .closed, because: .synSentAcceptsReset)]],
            LocalizedText(
                en: "B answers RST+ACK with seq 0 and ack = SYN's seq + 1; A gives up: connection refused.",
                zh: "主机B回复 RST+ACK，seq 为 0，ack 为 SYN 的序列号加 1；主机A放弃连接：连接被拒绝。"))
        return Timeline(
            lessonID: "connection-refused", title: LocalizedText(en: "Connection refused", zh: "连接被拒绝"),
            hosts: [.a: hostA, .b: hostB], isn: [.a: issA, .b: SequenceNumber(0)], numbering: .absolute,
            frames: builder.frames)
    }

    /// Appends frames with consecutive indexes.
    private struct Builder {
        var frames: [Frame] = []

        mutating func add(
            _ event: FrameEvent, _ a: HostSnapshot, _ b: HostSnapshot, _ transitions: [HostID: [Transition]],
            _ narration: LocalizedText, emitted: [WireEvent] = [], quiz: QuizPoint? = nil
        ) {
            frames.append(
                Frame(
                    index: frames.count, line: frames.count, time: 0, event: event, hosts: [.a: a, .b: b],
                    transitions: transitions, emitted: emitted, inFlight: emitted, narration: narration, quiz: quiz))
        }
    }
}
