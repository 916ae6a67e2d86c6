import LessonKit
import TCPCore
import TimelineKit

extension QuizMistake {
    /// The pointed explanation of this mistake for `field` of `question`, in English and Chinese.
    // One arm per mistake keeps each explanation next to its case.
    func note(for field: QuizField, in question: QuizQuestion) -> LocalizedText {
        let sender = question.sender.description
        let receiver = question.receiver.description
        let isAck = field == .ack
        let name = isAck ? "ack" : "seq"
        let zhName = isAck ? "确认号" : "序列号"
        switch self {
        case .numberingMixUp:
            let wanted = question.numbering.numbering
            let expected = isAck ? question.expectedTypedAck.text : String(question.expectedTypedSeq)
            return wanted == .relative
                ? LocalizedText(
                    en: "That is the absolute number. This lesson uses relative numbers, counted from each side's ISN "
                        + "as tcpdump prints by default: \(expected).",
                    zh: "这是绝对序列号。本课使用相对序列号，即从各自的初始序列号起算（tcpdump 的默认输出）：\(expected)。")
                : LocalizedText(
                    en: "That is the relative number. This lesson uses absolute numbers, as they travel on the wire "
                        + "(tcpdump -S): \(expected).",
                    zh: "这是相对序列号。本课使用绝对序列号，即报文段中实际携带的数值（tcpdump -S）：\(expected)。")
        case .swappedSeqAndAck:
            return LocalizedText(
                en: "seq and ack are swapped: seq counts \(sender)'s own bytes, ack is the next sequence number "
                    + "\(sender) expects from \(receiver).",
                zh: "序列号和确认号弄反了：序列号计的是主机\(sender)自己的字节，确认号是主机\(sender)期望从主机\(receiver)"
                    + "收到的下一个序列号。")
        case .ackWithOwnSeq:
            return LocalizedText(
                en: "That number comes from \(sender)'s own sequence space. The ack number counts the other side's "
                    + "bytes: the next sequence number \(sender) expects from \(receiver).",
                zh: "这个数属于主机\(sender)自己的序列号空间。确认号计的是对方的字节：主机\(sender)期望从主机\(receiver)"
                    + "收到的下一个序列号。")
        case .synOccupiesOne:
            return isAck
                ? LocalizedText(
                    en: "Off by one: the SYN occupies one sequence number (RFC 9293 §3.4), so acknowledging it "
                        + "means SEG.SEQ + 1.",
                    zh: "差了 1：SYN 占用一个序列号（RFC 9293 §3.4），所以确认它要用 SEG.SEQ + 1。")
                : LocalizedText(
                    en: "Off by one: \(sender)'s SYN occupied one sequence number (RFC 9293 §3.4), so the next "
                        + "segment starts one later.",
                    zh: "差了 1：主机\(sender)的 SYN 占用了一个序列号（RFC 9293 §3.4），所以下一个报文段的序列号要加 1。")
        case .finOccupiesOne:
            return isAck
                ? LocalizedText(
                    en: "Off by one: the FIN occupies one sequence number (RFC 9293 §3.4), so acknowledging it "
                        + "means its seq + 1.",
                    zh: "差了 1：FIN 占用一个序列号（RFC 9293 §3.4），所以确认它要用它的序列号 + 1。")
                : LocalizedText(
                    en: "Off by one: \(sender)'s FIN occupied one sequence number (RFC 9293 §3.4), so anything "
                        + "\(sender) sends after it starts one later.",
                    zh: "差了 1：主机\(sender)的 FIN 占用了一个序列号（RFC 9293 §3.4），所以它之后发送的报文段序列号要加 1。")
        case .bareAckConsumesNothing:
            return isAck
                ? LocalizedText(
                    en: "Off by one: \"ack = seq + 1\" holds only for a segment that carries SYN or FIN and no data. "
                        + "\(receiver)'s last segment was a bare ACK, which consumes no sequence number, so there "
                        + "is nothing new to acknowledge.",
                    zh: "差了 1：“确认号 = 序列号 + 1”只适用于携带 SYN 或 FIN、且不带数据的报文段。主机\(receiver)的上一个报文段是纯 ACK，"
                        + "不消耗序列号，所以没有新的内容需要确认。")
                : LocalizedText(
                    en: "Off by one: \(sender)'s previous segment was a bare ACK, which consumes no sequence number, "
                        + "so this segment has the same seq (the handshake's third segment and the first data "
                        + "segment carry the same seq).",
                    zh: "差了 1：主机\(sender)的上一个报文段是纯 ACK，不消耗序列号，所以这个报文段的序列号不变"
                        + "（三次握手的第三个报文段与第一个数据报文段的序列号相同）。")
        case .ownSynFinCountedEarly:
            return LocalizedText(
                en: "Off by one: a segment's seq is the number of the first thing it occupies, here its own "
                    + "\(question.segment.has(.syn) ? "SYN" : "FIN"). The one number it occupies shows up in the "
                    + "next segment's seq and in the ack that answers it, not in its own seq.",
                zh: "差了 1：报文段的序列号是它占用的第一个序列号，这里就是它自己的 \(question.segment.has(.syn) ? "SYN" : "FIN")。"
                    + "它占用的那一个序列号体现在下一个报文段的序列号和对它的确认号里，而不是它自己的序列号里。")
        case .dataLengthNotAdded:
            let count = dataBytes(for: field, in: question)
            return LocalizedText(
                en: "\(name) = SEG.SEQ + SEG.LEN: that segment carried \(count) data bytes, so \(name) moves on "
                    + "by \(count).",
                zh: "\(zhName) = SEG.SEQ + SEG.LEN：那个报文段携带了 \(count) 字节数据，所以\(zhName)要前进 \(count)。")
        case .plusOneInsteadOfLength:
            let count = dataBytes(for: field, in: question)
            return LocalizedText(
                en: "\"+1\" is only for SYN and FIN. For data, add the number of data bytes: \(count).",
                zh: "“+1”只适用于 SYN 和 FIN。对于数据，要加上数据的字节数：\(count)。")
        case .lastByteInsteadOfNext:
            return LocalizedText(
                en: "Off by one: sequence numbers here name the next byte (SEG.SEQ + SEG.LEN), not the last byte "
                    + "of the segment (SEG.SEQ + SEG.LEN - 1).",
                zh: "差了 1：这里的\(zhName)指的是下一个字节（SEG.SEQ + SEG.LEN），而不是报文段的最后一个字节"
                    + "（SEG.SEQ + SEG.LEN - 1）。")
        case .extraOneWithoutSynFin:
            let count = dataBytes(for: field, in: question)
            return LocalizedText(
                en: "Off by one: only SYN and FIN add one to SEG.LEN. That segment carried \(count) data bytes and "
                    + "no SYN or FIN, so add exactly \(count).",
                zh: "差了 1：只有 SYN 和 FIN 会让 SEG.LEN 多 1。那个报文段携带 \(count) 字节数据，没有 SYN 或 FIN，"
                    + "所以正好加 \(count)。")
        case .ackFlagForgotten:
            if question.segment.has(.syn) {
                return LocalizedText(
                    en: "The ACK flag is missing: this SYN-ACK acknowledges the SYN it answers, so ACK is set (S.).",
                    zh: "缺少 ACK 标志位：这个 SYN-ACK 要确认它所应答的 SYN，所以必须置 ACK（S.）。")
            }
            return LocalizedText(
                en: "The ACK flag is missing. Once a connection is synchronised every segment carries ACK "
                    + "(RFC 9293 §3.1, §3.10.7.4): teardown FINs are F. (FIN+ACK), data segments usually P. "
                    + "The ACK flag and the ack number are different things.",
                zh: "缺少 ACK 标志位。连接一旦同步，每个报文段都带 ACK（RFC 9293 §3.1、§3.10.7.4）：关闭时的 FIN 是 F.（FIN+ACK），"
                    + "数据报文段通常是 P.。ACK 标志位与确认号是两回事。")
        case .ackNumberMissing:
            return LocalizedText(
                en: "This segment carries the ACK flag, so its ack number counts: once synchronised, every segment "
                    + "acknowledges what its sender has received.",
                zh: "这个报文段带有 ACK 标志位，所以确认号是有意义的：连接同步之后，每个报文段都会确认发送方已收到的内容。")
        case .ackWithoutAckFlag:
            let flags = question.segment.flags.tcpdump
            return LocalizedText(
                en: "This segment has no ACK flag (\(flags)), so its acknowledgment field means nothing: answer "
                    + "none (or -). The ACK flag and the ack number are different things.",
                zh: "这个报文段没有 ACK 标志位（\(flags)），所以确认号字段没有意义：应回答“无”（或 -）。ACK 标志位与确认号是两回事。")
        case .resetWithAck:
            if ResetForm(rule: question.expected.sentBecause) == .seqFromAck {
                return LocalizedText(
                    en: "A reset answering a segment that carried ACK takes its seq from that ack and carries no "
                        + "ACK: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 §3.10.7.1).",
                    zh: "应答带 ACK 报文段的复位报文段，其序列号取自对方的确认号，本身不带 ACK：<SEQ=SEG.ACK><CTL=RST>"
                        + "（RFC 9293 §3.10.7.1）。")
            }
            return LocalizedText(
                en: "This reset carries no ACK: <SEQ=SND.NXT><CTL=RST> (RFC 9293 §3.10.5).",
                zh: "这个复位报文段不带 ACK：<SEQ=SND.NXT><CTL=RST>（RFC 9293 §3.10.5）。")
        case .resetNeedsAck:
            return LocalizedText(
                en: "A reset answering a segment without ACK (such as a SYN to a port nobody listens on) must "
                    + "acknowledge it: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, R. in tcpdump.",
                zh: "应答不带 ACK 报文段（例如发往无人监听端口的 SYN）的复位报文段必须确认它："
                    + "<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>，tcpdump 中写作 R.。")
        case .resetIsNeverAcknowledged:
            return LocalizedText(
                en: "A valid RST is never acknowledged: it occupies no sequence number, and it ends the connection "
                    + "when it arrives (RFC 9293 §3.5.3). Only an RST that is not valid draws an answer: one inside "
                    + "the window but not at RCV.NXT gets a challenge ACK (RFC 5961).",
                zh: "有效的 RST 从不被确认：它不占用序列号，一到达就终止连接（RFC 9293 §3.5.3）。"
                    + "只有无效的 RST 才会引来回应：在窗口内但序列号不等于 RCV.NXT 的 RST 会得到一个挑战ACK（RFC 5961）。")
        case .ackInsteadOfReset:
            let rule = question.expected.sentBecause.wording
            return LocalizedText(
                en: "The answer here is a reset, not an ACK. \(rule.title.en): \(rule.explanation.en)",
                zh: "这里的回应是复位报文段，而不是 ACK。\(rule.title.zh)：\(rule.explanation.zh)")
        case .resetInsteadOfAck:
            return LocalizedText(
                en: "No reset here. A synchronised connection answers an unacceptable segment with an empty ACK, "
                    + "not a RST (RFC 9293 §3.5.2): otherwise any stray old segment could kill the connection.",
                zh: "这里不会复位。已同步的连接对不可接受的报文段回应一个空的 ACK，而不是 RST（RFC 9293 §3.5.2）："
                    + "否则任何迷途的旧报文段都能终止连接。")
        case .resetSeqZero:
            return LocalizedText(
                en: "A reset answering a segment without ACK uses sequence number 0, having no ack to borrow: "
                    + "<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293 §3.10.7.1).",
                zh: "应答不带 ACK 报文段的复位报文段没有确认号可借用，所以序列号为 0：<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>"
                    + "（RFC 9293 §3.10.7.1）。")
        case .resetSeqFromAck:
            return LocalizedText(
                en: "A reset answering a segment with ACK takes its seq from that segment's ack number, so that its "
                    + "receiver finds it in its window: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 §3.10.7.1).",
                zh: "应答带 ACK 报文段的复位报文段，序列号取自该报文段的确认号，这样对方会认为它落在窗口内：<SEQ=SEG.ACK><CTL=RST>"
                    + "（RFC 9293 §3.10.7.1）。")
        case .timeWaitOnWrongHost:
            guard let first = question.firstCloser else {
                return LocalizedText(
                    en: "Nobody has closed yet: TIME_WAIT comes only after both FINs, on the side that closed first.",
                    zh: "还没有任何一方关闭：TIME_WAIT 只在双方的 FIN 都发出之后出现，而且属于先关闭的一方。")
            }
            return LocalizedText(
                en: "TIME_WAIT belongs to whichever side closes first, not to \"the client\". \(first) sent the "
                    + "first FIN; \(receiver) closed second, so it goes CLOSE_WAIT → LAST_ACK → CLOSED and never "
                    + "waits.",
                zh: "TIME_WAIT 属于先关闭的一方，而不是“客户端”。主机\(first)先发出 FIN；主机\(receiver)后关闭，"
                    + "它的路径是 CLOSE_WAIT → LAST_ACK → CLOSED，不进入 TIME_WAIT。")
        case .timeWaitMissed:
            return LocalizedText(
                en: "\(receiver) closed first, so after the other side's FIN it waits in TIME_WAIT for 2MSL "
                    + "(4 minutes with the RFC's 2-minute MSL; 60 s on Linux) before CLOSED, to re-acknowledge a "
                    + "retransmitted FIN and to let old duplicates die.",
                zh: "主机\(receiver)先关闭，所以收到对方的 FIN 之后要在 TIME_WAIT 等待 2MSL（按 RFC 的 MSL（2 分钟）为 4 分钟；"
                    + "Linux 为 60 秒）才进入 CLOSED：为了重新确认可能重传的 FIN，并让网络中的旧重复报文段消失。")
        case .finAckSkipsFinWait2:
            return LocalizedText(
                en: "This one segment acknowledges \(receiver)'s FIN and carries the other side's FIN, so "
                    + "\(receiver) goes from FIN_WAIT_1 straight to TIME_WAIT, never FIN_WAIT_2: a close can take "
                    + "three segments.",
                zh: "这一个报文段既确认了主机\(receiver)的 FIN，又携带了对方的 FIN，所以主机\(receiver)从 FIN_WAIT_1 "
                    + "直接进入 TIME_WAIT，不经过 FIN_WAIT_2：关闭也可以只用三个报文段。")
        case .simultaneousClose:
            return LocalizedText(
                en: "Both sides are closing at once: \(receiver) receives a FIN while its own FIN is still "
                    + "unacknowledged, so it enters CLOSING, and TIME_WAIT only once its FIN is acknowledged. In a "
                    + "simultaneous close both sides go FIN_WAIT_1 → CLOSING → TIME_WAIT.",
                zh: "双方正在同时关闭：主机\(receiver)在自己的 FIN 尚未被确认时收到了对方的 FIN，因此进入 CLOSING，"
                    + "等自己的 FIN 被确认后才进入 TIME_WAIT。同时关闭时，双方都经历 FIN_WAIT_1 → CLOSING → TIME_WAIT。")
        case .simultaneousOpen:
            return LocalizedText(
                en: "Simultaneous open: \(receiver) sent a SYN and then received a SYN without ACK, so it goes "
                    + "SYN_SENT → SYN_RECEIVED, and ESTABLISHED only once its own SYN is acknowledged.",
                zh: "同时打开：主机\(receiver)发出 SYN 后又收到一个不带 ACK 的 SYN，所以从 SYN_SENT 进入 SYN_RECEIVED，"
                    + "等自己的 SYN 被确认后才进入 ESTABLISHED。")
        case .stateOfSender:
            return LocalizedText(
                en: "That is the state of \(sender), the sender. The question asks for the receiver, \(receiver), "
                    + "after this segment arrives.",
                zh: "这是发送方主机\(sender)的状态。题目问的是接收方主机\(receiver)收到这个报文段之后的状态。")
        case .lengthCountsDataOnly:
            return LocalizedText(
                en: "SYN and FIN occupy a sequence number but are not data: the length counts data bytes only.",
                zh: "SYN 和 FIN 占用序列号，但不是数据：长度只计算数据字节数。")
        case .crossedOnWire:
            return LocalizedText(
                en: "\(sender) sent this segment before \(receiver)'s segment reached it: the two crossed on the "
                    + "wire, so this one cannot acknowledge that one.",
                zh: "主机\(sender)发出这个报文段时，主机\(receiver)的报文段还没有到达：两个报文段在线路上交错而过，"
                    + "所以这个报文段不可能确认那个报文段。")
        case .offByOne:
            return LocalizedText(
                en: "Off by one: work it out from the segment before.", zh: "差了 1：请根据前一个报文段重新计算。")
        }
    }

    /// The data bytes of the segment a seq or ack is counted from.
    private func dataBytes(for field: QuizField, in question: QuizQuestion) -> UInt32 {
        let segment = field == .ack ? question.acknowledgedSegment : question.previousFromSender
        return segment?.payloadLength ?? 0
    }
}

extension AckAnswer {
    /// The word for "no ack number" in feedback: `none` in English, 无 in Chinese.
    public static let absentWord = LocalizedText(en: "none", zh: "无")

    /// As shown in feedback and kept in logs: the number, or `none`.
    var text: String {
        switch self {
        case .absent: Self.absentWord.en
        case .number(let value): String(value)
        }
    }
}
