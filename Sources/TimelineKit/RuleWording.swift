import TCPCore

/// How the tutor words one of the engine's rules, in English and Chinese: a short title naming the situation
/// (a level-1 hint that does not give the answer away), one sentence saying the rule as applied (narration,
/// timelines, capture replays) and the longer explanation shown with quiz feedback.
public struct RuleWording: Hashable, Sendable {
    public var title: LocalizedText
    public var summary: LocalizedText
    public var explanation: LocalizedText

    init(title: (en: String, zh: String), summary: (en: String, zh: String), explanation: (en: String, zh: String)) {
        self.title = LocalizedText(en: title.en, zh: title.zh)
        self.summary = LocalizedText(en: summary.en, zh: summary.zh)
        self.explanation = LocalizedText(en: explanation.en, zh: explanation.zh)
    }
}

extension Rule {
    /// The rule in words: its title, its one-sentence summary and its explanation.
    public var wording: RuleWording { RuleWording.of(self) }
}

extension RuleWording {
    // The one table of words for the engine's rules: adding a rule fails to compile until it is worded here, and
    // each rule's title, summary and explanation sit side by side so they cannot drift apart. Some summaries are
    // longer than a line and are kept whole, so the formatter leaves the table as it is written.
    // swift-format-ignore
    static func of(_ rule: Rule) -> RuleWording {
        switch rule {
        case .passiveOpen:
            RuleWording(
                title: ("Passive OPEN (listen)", "被动打开（listen）"),
                summary: ("a passive OPEN waits in LISTEN for a SYN", "被动打开：进入LISTEN状态，等待SYN"),
                explanation: (
                    "A passive OPEN creates the TCB and waits in LISTEN for a SYN; nothing is sent.",
                    "被动打开建立 TCB，进入 LISTEN 状态等待 SYN，不发送任何报文段。"))
        case .activeOpen:
            RuleWording(
                title: ("Active OPEN (connect)", "主动打开（connect）"),
                summary: ("an active OPEN sends SYN with the ISN and enters SYN_SENT", "主动打开：发送携带初始序列号的SYN，进入SYN_SENT"),
                explanation: (
                    "An active OPEN picks the initial sequence number ISS and sends <SEQ=ISS><CTL=SYN>. The SYN "
                        + "occupies one sequence number, so SND.NXT becomes ISS+1; the host enters SYN_SENT.",
                    "主动打开时选定初始序列号 ISS，发送 <SEQ=ISS><CTL=SYN>。SYN 占用一个序列号，所以 SND.NXT 变为 ISS+1；"
                        + "主机进入 SYN_SENT 状态。"))
        case .sendData:
            RuleWording(
                title: ("SEND: data goes out", "SEND：发送数据"),
                summary: (
                    "data is sent from SND.NXT; seq advances by the number of data bytes",
                    "数据从SND.NXT开始发送，序列号按数据字节数前进"),
                explanation: (
                    "In ESTABLISHED or CLOSE_WAIT data is sent from SND.NXT with a piggybacked acknowledgment "
                        + "(ack = RCV.NXT); SND.NXT then advances by the number of data bytes.",
                    "在 ESTABLISHED 或 CLOSE_WAIT 状态下，数据从 SND.NXT 开始发送，并捎带确认（确认号 = RCV.NXT）；"
                        + "随后 SND.NXT 前进数据的字节数。"))
        case .closeSendsFin:
            RuleWording(
                title: ("CLOSE: the FIN goes out", "CLOSE：发送 FIN"),
                summary: (
                    "CLOSE sends FIN+ACK with seq = SND.NXT; the FIN occupies one sequence number",
                    "CLOSE发送FIN+ACK，序列号为SND.NXT；FIN占用一个序列号"),
                explanation: (
                    "CLOSE sends a FIN once all queued data is out: seq = SND.NXT, and ACK is set as on every segment "
                        + "of a synchronised connection (F.). The FIN occupies one sequence number. From ESTABLISHED "
                        + "the host enters FIN_WAIT_1; from CLOSE_WAIT it enters LAST_ACK.",
                    "CLOSE 在已排队的数据发完之后发送 FIN：序列号 = SND.NXT；与已同步连接上的所有报文段一样带 ACK 标志位（F.）。"
                        + "FIN 占用一个序列号。从 ESTABLISHED 进入 FIN_WAIT_1，从 CLOSE_WAIT 进入 LAST_ACK。"))
        case .closeInListen:
            RuleWording(
                title: ("CLOSE in LISTEN", "LISTEN 状态下的 CLOSE"),
                summary: ("CLOSE in LISTEN deletes the TCB; nothing is sent", "在LISTEN状态下CLOSE：删除TCB，不发送任何报文段"),
                explanation: (
                    "Closing a listening socket deletes the TCB and returns to CLOSED; nothing is sent.",
                    "关闭正在监听的套接字会删除 TCB，回到 CLOSED，不发送任何报文段。"))
        case .closeInSynSent:
            RuleWording(
                title: ("CLOSE in SYN_SENT", "SYN_SENT 状态下的 CLOSE"),
                summary: (
                    "CLOSE in SYN_SENT deletes the TCB without sending anything",
                    "在SYN_SENT状态下CLOSE：删除TCB，不发送任何报文段"),
                explanation: (
                    "Closing before the handshake completes deletes the TCB; no FIN is sent, since the two sides' "
                        + "sequence numbers were never synchronised.",
                    "握手完成前关闭会直接删除 TCB；双方的序列号从未同步，因此不发送 FIN。"))
        case .closeWithUnreadDataResets:
            RuleWording(
                title: ("close() with unread data", "带着未读数据调用 close()"),
                summary: (
                    "closing with received data still unread sends RST to show data was lost (SHLD-3)",
                    "关闭时仍有未读取的数据，发送RST表示数据丢失（SHLD-3）"),
                explanation: (
                    "A host that closes while received data is still unread can never deliver it, so it resets the "
                        + "connection with seq = SND.NXT instead of sending a FIN (RFC 9293 §3.6.1, SHLD-3; Linux does "
                        + "this).",
                    "关闭时若仍有未读的接收数据，这些数据再也无法交付，于是主机不发 FIN，而是用序列号为 SND.NXT 的复位报文段终止连接"
                        + "（RFC 9293 §3.6.1，SHLD-3；Linux 也是这样做的）。"))
        case .abortSendsReset:
            RuleWording(
                title: ("ABORT: the RST goes out", "ABORT：发送 RST"),
                summary: ("ABORT sends RST with seq = SND.NXT and deletes the TCB", "ABORT发送序列号为SND.NXT的RST，并删除TCB"),
                explanation: (
                    "ABORT (for example close() with SO_LINGER 0) sends <SEQ=SND.NXT><CTL=RST>, flushes every queue and "
                        + "goes straight to CLOSED: no FIN, and no TIME_WAIT (§3.10.5; §3.5.2 adds that the side "
                        + "issuing a reset should enter TIME-WAIT, which Linux does not do).",
                    "ABORT（例如 SO_LINGER 为 0 时调用 close()）发送 <SEQ=SND.NXT><CTL=RST>，清空所有队列，直接进入 CLOSED："
                        + "不发 FIN，也没有 TIME_WAIT（§3.10.5；§3.5.2 另说发出复位的一方应当进入 TIME-WAIT，Linux 并不这样做）。"))
        case .abortWithoutReset:
            RuleWording(
                title: ("ABORT without a RST", "不发 RST 的 ABORT"),
                summary: ("ABORT in this state deletes the TCB without sending RST", "在此状态下ABORT只删除TCB，不发送RST"),
                explanation: (
                    "In LISTEN, SYN_SENT, CLOSING, LAST_ACK and TIME_WAIT, ABORT just deletes the TCB: no reset is sent.",
                    "在 LISTEN、SYN_SENT、CLOSING、LAST_ACK 和 TIME_WAIT 状态下，ABORT 只删除 TCB，不发送复位报文段。"))
        case .closedDiscardsReset:
            RuleWording(
                title: ("CLOSED: a RST arrives", "CLOSED 状态收到 RST"),
                summary: ("an RST arriving where no connection exists is discarded", "没有连接时收到的RST被丢弃"),
                explanation: (
                    "With no connection, an arriving RST is discarded: a reset is never answered.",
                    "没有连接时，收到的 RST 直接丢弃：复位报文段从不需要应答。"))
        case .closedResetsAckSegment:
            RuleWording(
                title: ("CLOSED: a segment with ACK arrives", "CLOSED 状态收到带 ACK 的报文段"),
                summary: (
                    "no connection exists: a segment with ACK is answered by RST with seq = SEG.ACK",
                    "连接不存在：对带ACK的报文段回复RST，序列号为SEG.ACK"),
                explanation: (
                    "No connection exists, so the segment is answered with a reset its sender will accept: "
                        + "<SEQ=SEG.ACK><CTL=RST>. The RST takes its seq from the segment's ack and carries no ACK.",
                    "连接不存在，于是用对方能接受的复位报文段回应：<SEQ=SEG.ACK><CTL=RST>。RST 的序列号取自收到的报文段的确认号，"
                        + "本身不带 ACK。"))
        case .closedResetsNonAckSegment:
            RuleWording(
                title: (
                    "CLOSED: a segment without ACK arrives (such as a SYN to a port nobody listens on)",
                    "CLOSED 状态收到不带 ACK 的报文段（例如发往无人监听端口的 SYN）"),
                summary: (
                    "no connection exists: a segment without ACK is answered by RST+ACK with seq 0 and ack = SEG.SEQ+SEG.LEN",
                    "连接不存在：对不带ACK的报文段回复RST+ACK，序列号为0，确认号为SEG.SEQ+SEG.LEN"),
                explanation: (
                    "No connection exists and the segment has no ack to borrow, so the reset uses sequence number zero "
                        + "and acknowledges the segment: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (R.).",
                    "连接不存在，收到的报文段也没有确认号可借用，于是复位报文段的序列号为 0，并确认该报文段："
                        + "<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>（R.）。"))
        case .listenIgnoresReset:
            RuleWording(
                title: ("LISTEN: a RST arrives", "LISTEN 状态收到 RST"),
                summary: ("in LISTEN an incoming RST is ignored", "LISTEN状态下收到的RST被忽略"),
                explanation: (
                    "A listener has sent nothing, so a RST cannot be meant for it: it is ignored.",
                    "监听方什么都没有发送过，RST 不可能是针对它的，因此忽略。"))
        case .listenResetsAck:
            RuleWording(
                title: ("LISTEN: a segment with ACK arrives", "LISTEN 状态收到带 ACK 的报文段"),
                summary: (
                    "in LISTEN nothing has been sent, so any ACK is bad: RST with seq = SEG.ACK",
                    "LISTEN状态下尚未发送任何数据，任何ACK都是错误的：回复序列号为SEG.ACK的RST"),
                explanation: (
                    "Any acknowledgment is bad in LISTEN, where nothing has been sent: the answer is "
                        + "<SEQ=SEG.ACK><CTL=RST>.",
                    "LISTEN 状态下还什么都没发送，任何确认都是错误的：回应 <SEQ=SEG.ACK><CTL=RST>。"))
        case .listenAnswersSyn:
            RuleWording(
                title: ("LISTEN: a SYN arrives", "LISTEN 状态收到 SYN"),
                summary: (
                    "a SYN in LISTEN is answered by SYN+ACK with our ISN and ack = their ISN+1 (a SYN occupies one sequence number)",
                    "LISTEN状态收到SYN：回复SYN+ACK，序列号为自己的初始序列号，确认号为对方初始序列号+1（SYN占用一个序列号）"),
                explanation: (
                    "The listener records IRS = SEG.SEQ and RCV.NXT = SEG.SEQ+1 (the SYN occupies one number), picks "
                        + "its own ISS and answers <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (S.), then enters SYN_RECEIVED.",
                    "监听方记下 IRS = SEG.SEQ、RCV.NXT = SEG.SEQ+1（SYN 占用一个序列号），选定自己的初始序列号 ISS，"
                        + "回应 <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>（S.），然后进入 SYN_RECEIVED。"))
        case .synQueued:
            RuleWording(
                title: ("LISTEN: a SYN arrives and the SYN backlog has room", "LISTEN 状态收到 SYN，半连接队列尚有空位"),
                summary: (
                    "the SYN joins the half-open queue and is answered by SYN+ACK; the listener stays in LISTEN",
                    "SYN进入半连接队列，并得到SYN+ACK回应；监听方仍处于LISTEN状态"),
                explanation: (
                    "A listening socket keeps one entry per SYN it has answered (the half-open or SYN queue, "
                        + "RFC 4987 §2): the client's ISN, its own ISN and a little more. The listener goes on "
                        + "listening; the entry becomes a connection when the third segment arrives.",
                    "监听套接字为每个已回应的SYN保存一个表项（半连接队列，即SYN队列，RFC 4987 §2）：对方的初始序列号、"
                        + "本方的初始序列号等少量信息。监听方继续监听；第三个报文段到达时，这个表项才成为连接。"))
        case .synBacklogFullDropsSyn:
            RuleWording(
                title: ("LISTEN: a SYN arrives while the backlog is full", "LISTEN 状态收到 SYN，半连接队列已满"),
                summary: (
                    "backlog full, SYN dropped: the half-open queue has no room, so the SYN gets no answer",
                    "队列已满，SYN被丢弃：半连接队列没有空位，这个SYN得不到任何回应"),
                explanation: (
                    "Each answered SYN holds an entry until its third segment comes or it times out. Spoofed SYNs "
                        + "never complete, so they fill the queue, and a real client's SYN is then dropped without an "
                        + "answer (RFC 4987 §2): the client can only retransmit it.",
                    "每个已回应的SYN都占着一个表项，直到第三个报文段到达或超时。伪造源地址的SYN永远不会完成握手，"
                        + "于是把队列占满；此后真实客户的SYN被直接丢弃，不作回应（RFC 4987 §2），客户只能重传。"))
        case .halfOpenCompleted:
            RuleWording(
                title: ("LISTEN: the third segment of a queued SYN", "LISTEN 状态收到半连接队列中某个 SYN 的第三个报文段"),
                summary: (
                    "an ACK with seq = their ISN+1 and ack = our ISN+1 for a queued entry: the entry leaves the queue and becomes the connection, ESTABLISHED",
                    "序列号为对方初始序列号+1、确认号为本方初始序列号+1的ACK与队列中的表项相符：表项离开队列，成为连接，进入ESTABLISHED"),
                explanation: (
                    "The ACK matches an entry of the half-open queue, so the handshake is complete: the entry "
                        + "leaves the queue and the connection is ESTABLISHED (RFC 4987 §2).",
                    "这个ACK与半连接队列中的一个表项相符，握手完成：表项离开队列，连接进入ESTABLISHED（RFC 4987 §2）。"))
        case .synCookieSent:
            RuleWording(
                title: ("LISTEN: a SYN arrives, the backlog is full and SYN cookies are on", "LISTEN 状态收到 SYN，队列已满且启用了 SYN Cookie"),
                summary: (
                    "with the queue full, the SYN+ACK carries a SYN cookie as its ISN and the listener keeps no state: it stays in LISTEN",
                    "队列已满时，SYN+ACK以SYN Cookie作为初始序列号，监听方不保存任何状态，仍处于LISTEN状态"),
                explanation: (
                    "Instead of an entry, the listener encodes the connection in its ISN (RFC 4987 §3.6): the top 5 "
                        + "bits are a time counter t mod 32, the next 3 an MSS index, the low 24 a keyed hash of the "
                        + "connection and t. It sends the SYN+ACK and forgets the SYN.",
                    "监听方不建立表项，而是把连接信息编码进自己的初始序列号（RFC 4987 §3.6）：最高5位是时间计数器t "
                        + "对32取模，接着3位是MSS编号，低24位是连接和t的带密钥散列值。它发出SYN+ACK，随即忘掉这个SYN。"))
        case .synCookieAccepted:
            RuleWording(
                title: ("LISTEN: an ACK carrying a valid SYN cookie", "LISTEN 状态收到携带有效 SYN Cookie 的 ACK"),
                summary: (
                    "an ACK whose ack-1 is a cookie this listener could have made rebuilds the connection: ESTABLISHED",
                    "确认号减1正是本方可能生成的Cookie：据此重建连接，进入ESTABLISHED"),
                explanation: (
                    "The listener kept nothing, so it checks the ACK itself: ack-1 must equal the cookie it would "
                        + "make for this connection with a recent t (RFC 4987 §3.6). Then ISS = ack-1 and "
                        + "IRS = seq-1, and the connection is ESTABLISHED. A wrong cookie gets the RST any ACK to a "
                        + "listener gets.",
                    "监听方什么都没保存，所以只能检查这个ACK本身：确认号减1必须等于它用最近的t为这条连接生成的Cookie"
                        + "（RFC 4987 §3.6）。于是 ISS = 确认号-1，IRS = 序列号-1，连接进入ESTABLISHED。Cookie不对，"
                        + "就像监听方收到任何ACK一样回复RST。"))
        case .listenDropsOther:
            RuleWording(
                title: ("LISTEN: neither RST, ACK nor SYN", "LISTEN 状态收到既无 RST、ACK 也无 SYN 的报文段"),
                summary: ("in LISTEN a segment without SYN is dropped", "LISTEN状态下不带SYN的报文段被丢弃"),
                explanation: ("Such a segment is dropped without an answer.", "这样的报文段被丢弃，不作回应。"))
        case .synSentResetsBadAck:
            RuleWording(
                title: ("SYN_SENT: an ACK that does not acknowledge our SYN", "SYN_SENT 状态收到没有确认本方 SYN 的 ACK"),
                summary: (
                    "in SYN_SENT an ACK for something we never sent is answered by RST with seq = SEG.ACK",
                    "SYN_SENT状态下收到确认了本方从未发送过的内容的ACK：回复序列号为SEG.ACK的RST"),
                explanation: (
                    "If SEG.ACK =< ISS or SEG.ACK > SND.NXT the acknowledgment is unacceptable: the host answers "
                        + "<SEQ=SEG.ACK><CTL=RST> and drops the segment.",
                    "若 SEG.ACK =< ISS 或 SEG.ACK > SND.NXT，则该确认不可接受：主机回应 <SEQ=SEG.ACK><CTL=RST>，并丢弃该报文段。"))
        case .synSentIgnoresUnacceptableAck:
            RuleWording(
                title: ("SYN_SENT: an unacceptable ACK on a RST", "SYN_SENT 状态收到确认号不可接受的 RST"),
                summary: ("in SYN_SENT an RST with an unacceptable ACK is dropped", "SYN_SENT状态下确认号不可接受的RST被丢弃"),
                explanation: (
                    "An unacceptable acknowledgment on a segment that carries RST is dropped without an answer: "
                        + "a reset is never answered with a reset.",
                    "带 RST 的报文段若确认号不可接受，则直接丢弃、不作回应：复位报文段从不以复位报文段回应。"))
        case .synSentAcceptsReset:
            RuleWording(
                title: ("SYN_SENT: a RST that acknowledges our SYN", "SYN_SENT 状态收到确认了本方 SYN 的 RST"),
                summary: (
                    "in SYN_SENT an RST that acknowledges our SYN ends the attempt: the RFC signals \"connection reset\", sockets report \"connection refused\"",
                    "SYN_SENT状态下确认了本方SYN的RST结束连接尝试：RFC称之为“连接复位”，套接字报告“连接被拒绝”"),
                explanation: (
                    "In SYN_SENT a RST counts only if its ACK acknowledges our SYN; then the attempt ends and the host "
                        + "goes to CLOSED (the RFC signals \"connection reset\"; sockets report \"connection refused\").",
                    "在 SYN_SENT 状态下，只有确认了本方 SYN 的 RST 才有效；此时连接尝试结束，主机进入 CLOSED"
                        + "（RFC 称之为“连接复位”，套接字报告“连接被拒绝”）。"))
        case .synSentDropsResetWithoutAck:
            RuleWording(
                title: ("SYN_SENT: a RST without ACK", "SYN_SENT 状态收到不带 ACK 的 RST"),
                summary: (
                    "in SYN_SENT an RST counts only if it acknowledges our SYN; this one does not",
                    "SYN_SENT状态下只有确认了本方SYN的RST才有效，这个没有"),
                explanation: (
                    "Without an acceptable ACK the RST cannot be tied to our SYN, so it is dropped.",
                    "没有可接受的确认号，就无法确认该 RST 针对的是本方的 SYN，因此丢弃。"))
        case .synSentCompletesHandshake:
            RuleWording(
                title: ("SYN_SENT: a SYN-ACK arrives", "SYN_SENT 状态收到 SYN-ACK"),
                summary: (
                    "a SYN+ACK that acknowledges our SYN completes the handshake: ACK with ack = their ISN+1, ESTABLISHED",
                    "确认了本方SYN的SYN+ACK完成握手：回复ACK，确认号为对方初始序列号+1，进入ESTABLISHED"),
                explanation: (
                    "The SYN-ACK acknowledges our SYN: the host records IRS = SEG.SEQ and RCV.NXT = SEG.SEQ+1, enters "
                        + "ESTABLISHED and sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, the third segment: a bare ACK "
                        + "that occupies no sequence number.",
                    "SYN-ACK 确认了本方的 SYN：主机记下 IRS = SEG.SEQ、RCV.NXT = SEG.SEQ+1，进入 ESTABLISHED，"
                        + "并发送 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>，即第三个报文段：一个不占用序列号的纯 ACK。"))
        case .synSentSimultaneousOpen:
            RuleWording(
                title: ("SYN_SENT: a SYN without ACK (simultaneous open)", "SYN_SENT 状态收到不带 ACK 的 SYN（同时打开）"),
                summary: (
                    "a SYN without ACK in SYN_SENT is a simultaneous open: SYN+ACK repeating our ISN, SYN_RECEIVED",
                    "SYN_SENT状态收到不带ACK的SYN即同时打开：回复重复自己初始序列号的SYN+ACK，进入SYN_RECEIVED"),
                explanation: (
                    "Both sides sent a SYN. The host records IRS = SEG.SEQ and RCV.NXT = SEG.SEQ+1, enters SYN_RECEIVED "
                        + "and sends <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, repeating its original ISN.",
                    "双方都发出了 SYN。主机记下 IRS = SEG.SEQ、RCV.NXT = SEG.SEQ+1，进入 SYN_RECEIVED，"
                        + "并发送 <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>，重复自己最初的初始序列号。"))
        case .synSentDropsOther:
            RuleWording(
                title: ("SYN_SENT: neither SYN nor RST", "SYN_SENT 状态收到既无 SYN 也无 RST 的报文段"),
                summary: (
                    "in SYN_SENT a segment with neither SYN nor RST is dropped",
                    "SYN_SENT状态下既不带SYN也不带RST的报文段被丢弃"),
                explanation: ("Such a segment is dropped.", "这样的报文段被丢弃。"))
        case .unacceptableSegmentAcked:
            RuleWording(
                title: ("A segment outside the receive window", "落在接收窗口之外的报文段"),
                summary: (
                    "a segment outside the receive window is answered by an ACK with seq = SND.NXT and ack = RCV.NXT, then dropped",
                    "不在接收窗口内的报文段：回复序列号为SND.NXT、确认号为RCV.NXT的ACK，然后丢弃"),
                explanation: (
                    "In SYN_RECEIVED and in the synchronised states, a segment outside the receive window is answered "
                        + "with an empty acknowledgment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, not with a reset, and "
                        + "dropped (RFC 9293 §3.10.7.4, first check; §3.5.2 group 3). SYN_RECEIVED is not a "
                        + "synchronised state (§3.5.2 group 2), but this sequence-number check applies to it too.",
                    "在 SYN_RECEIVED 和各个已同步状态下，落在接收窗口之外的报文段会得到一个空的确认 "
                        + "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>，而不是复位报文段，随后被丢弃（RFC 9293 §3.10.7.4 第一步检查；"
                        + "§3.5.2 第3组）。SYN_RECEIVED 并不是已同步状态（§3.5.2 第2组），但这项序列号检查同样适用于它。"))
        case .unacceptableResetIgnored:
            RuleWording(
                title: ("A RST outside the receive window", "落在接收窗口之外的 RST"),
                summary: ("an RST outside the receive window is dropped silently", "不在接收窗口内的RST被静默丢弃"),
                explanation: (
                    "A RST whose sequence number is outside the receive window is silently dropped.",
                    "序列号在接收窗口之外的 RST 被悄悄丢弃。"))
        case .resetInSynReceivedFromPassiveOpen:
            RuleWording(
                title: ("SYN_RECEIVED: a RST, after a passive open", "SYN_RECEIVED 状态收到 RST（被动打开）"),
                summary: (
                    "in SYN_RECEIVED after a passive OPEN, an RST (or a SYN) returns the connection to LISTEN",
                    "被动打开后的SYN_RECEIVED状态下收到RST（或SYN），连接回到LISTEN"),
                explanation: (
                    "A connection that came from LISTEN goes back to LISTEN when it is reset; the user need not be told.",
                    "从 LISTEN 而来的连接被复位后回到 LISTEN，无需通知用户。"))
        case .resetCloses:
            RuleWording(
                title: ("An acceptable RST", "可接受的 RST"),
                summary: (
                    "an RST with seq = RCV.NXT resets the connection: CLOSED; an RST is never acknowledged",
                    "序列号等于RCV.NXT的RST复位连接：进入CLOSED；RST永远不被确认"),
                explanation: (
                    "An acceptable RST (seq exactly RCV.NXT) ends the connection at once: the host enters CLOSED and "
                        + "deletes the TCB, with no TIME_WAIT. A valid RST is never acknowledged: it occupies no "
                        + "sequence number. (An RST inside the window but not at RCV.NXT is not accepted: it draws a "
                        + "challenge ACK, RFC 5961.)",
                    "可接受的 RST（序列号恰好等于 RCV.NXT）立即终止连接：主机进入 CLOSED 并删除 TCB，不经过 TIME_WAIT。"
                        + "有效的 RST 从不被确认：它不占用序列号。（在窗口内但不等于 RCV.NXT 的 RST 不被接受，"
                        + "而是引来一个挑战ACK，见 RFC 5961。）"))
        case .resetChallengeAck:
            RuleWording(
                title: ("A RST in the window but not at RCV.NXT", "在窗口内但不等于 RCV.NXT 的 RST"),
                summary: (
                    "an RST inside the window but not at RCV.NXT gets a challenge ACK (RFC 5961)",
                    "在窗口内但序列号不等于RCV.NXT的RST：回复挑战ACK（RFC 5961）"),
                explanation: (
                    "A RST whose seq is in the window but not exactly RCV.NXT gets a challenge ACK "
                        + "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 5961) and is dropped.",
                    "序列号在窗口内但不恰好等于 RCV.NXT 的 RST，会得到一个挑战 ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
                        + "（RFC 5961），随后被丢弃。"))
        case .synChallengeAck:
            RuleWording(
                title: ("A SYN on a synchronised connection", "已同步的连接收到 SYN"),
                summary: (
                    "a SYN in a synchronised state gets a challenge ACK and is dropped (RFC 5961)",
                    "同步状态下收到SYN：回复挑战ACK并丢弃（RFC 5961）"),
                explanation: (
                    "A SYN in a synchronised state gets a challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> "
                        + "(RFC 5961) and is dropped.",
                    "已同步的连接收到 SYN 时，回应挑战 ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>（RFC 5961），并丢弃该 SYN。"))
        case .noAckDropped:
            RuleWording(
                title: ("A segment without ACK on a synchronised connection", "已同步连接上不带 ACK 的报文段"),
                summary: ("once synchronised, a segment without the ACK flag is dropped", "连接同步后，不带ACK标志位的报文段被丢弃"),
                explanation: (
                    "Once a connection is synchronised every segment must carry ACK; one with the ACK bit off is dropped.",
                    "连接同步之后，每个报文段都必须带 ACK；ACK 位为 0 的报文段被丢弃。"))
        case .synReceivedAckEstablishes:
            RuleWording(
                title: ("SYN_RECEIVED: the ACK of our SYN", "SYN_RECEIVED 状态收到对本方 SYN 的确认"),
                summary: (
                    "an ACK of our SYN in SYN_RECEIVED completes the handshake: ESTABLISHED",
                    "SYN_RECEIVED状态下收到对本方SYN的确认：握手完成，进入ESTABLISHED"),
                explanation: (
                    "SND.UNA < SEG.ACK =< SND.NXT: the ACK acknowledges our SYN, so the host enters ESTABLISHED. "
                        + "Nothing is sent back: a bare ACK is never acknowledged.",
                    "SND.UNA < SEG.ACK =< SND.NXT：该 ACK 确认了本方的 SYN，主机进入 ESTABLISHED。"
                        + "不回应任何报文段：纯 ACK 不需要被确认。"))
        case .synReceivedBadAckResets:
            RuleWording(
                title: ("SYN_RECEIVED: an unacceptable ACK", "SYN_RECEIVED 状态收到不可接受的 ACK"),
                summary: (
                    "in SYN_RECEIVED an unacceptable ACK is answered by RST with seq = SEG.ACK",
                    "SYN_RECEIVED状态下不可接受的ACK：回复序列号为SEG.ACK的RST"),
                explanation: (
                    "An acknowledgment outside SND.UNA < SEG.ACK =< SND.NXT is answered with <SEQ=SEG.ACK><CTL=RST>.",
                    "确认号不满足 SND.UNA < SEG.ACK =< SND.NXT 的报文段，回应 <SEQ=SEG.ACK><CTL=RST>。"))
        case .ackAdvancesSendUna:
            RuleWording(
                title: ("A new acknowledgment", "新的确认"),
                summary: (
                    "an ACK acknowledges everything before its ack number: SND.UNA moves up",
                    "ACK确认了确认号之前的所有数据：SND.UNA前移"),
                explanation: (
                    "SND.UNA < SEG.ACK =< SND.NXT: SND.UNA moves up to SEG.ACK and the segments it covers leave the "
                        + "retransmission queue.",
                    "SND.UNA < SEG.ACK =< SND.NXT：SND.UNA 前移到 SEG.ACK，被覆盖的报文段移出重传队列。"))
        case .duplicateAckIgnored:
            RuleWording(
                title: ("A duplicate acknowledgment", "重复的确认"),
                summary: (
                    "an ACK that acknowledges nothing new is a duplicate and is ignored",
                    "没有确认新数据的ACK是重复ACK，被忽略"),
                explanation: (
                    "SEG.ACK =< SND.UNA acknowledges nothing new, so it is ignored.",
                    "SEG.ACK =< SND.UNA 没有确认任何新内容，因此被忽略。"))
        case .ackOfUnsentDataAcked:
            RuleWording(
                title: ("An ACK of something never sent", "确认了从未发送的内容"),
                summary: ("an ACK for data not yet sent is answered by an ACK and dropped", "确认了尚未发送数据的ACK：回复ACK并丢弃"),
                explanation: (
                    "SEG.ACK > SND.NXT acknowledges something never sent: the host answers with "
                        + "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and drops the segment.",
                    "SEG.ACK > SND.NXT 确认了从未发送的内容：主机回应 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>，并丢弃该报文段。"))
        case .finWait1FinAcked:
            RuleWording(
                title: ("FIN_WAIT_1: our FIN is acknowledged", "FIN_WAIT_1 状态：本方 FIN 被确认"),
                summary: (
                    "our FIN is acknowledged: FIN_WAIT_1 becomes FIN_WAIT_2",
                    "本方的FIN被确认：从FIN_WAIT_1进入FIN_WAIT_2"),
                explanation: (
                    "The ACK covers our FIN, so the host enters FIN_WAIT_2 and waits for the peer's FIN.",
                    "该 ACK 覆盖了本方的 FIN，主机进入 FIN_WAIT_2，等待对方的 FIN。"))
        case .closingFinAcked:
            RuleWording(
                title: ("CLOSING: our FIN is acknowledged", "CLOSING 状态：本方 FIN 被确认"),
                summary: ("in CLOSING the ACK of our FIN leads to TIME_WAIT", "CLOSING状态下本方的FIN被确认：进入TIME_WAIT"),
                explanation: (
                    "In a simultaneous close the host enters TIME_WAIT once the ACK of its FIN arrives.",
                    "同时关闭时，主机收到对自己 FIN 的确认后进入 TIME_WAIT。"))
        case .lastAckFinAcked:
            RuleWording(
                title: ("LAST_ACK: our FIN is acknowledged", "LAST_ACK 状态：本方 FIN 被确认"),
                summary: (
                    "in LAST_ACK the ACK of our FIN ends the connection: CLOSED",
                    "LAST_ACK状态下本方的FIN被确认：连接结束，进入CLOSED"),
                explanation: (
                    "The side that closed second gets the ACK of its FIN, deletes the TCB and enters CLOSED without "
                        + "TIME_WAIT: TIME_WAIT belongs to the side that closed first.",
                    "后关闭的一方收到对其 FIN 的确认后删除 TCB，进入 CLOSED，不经过 TIME_WAIT：TIME_WAIT 属于先关闭的一方。"))
        case .timeWaitFinRetransmission:
            RuleWording(
                title: ("TIME_WAIT: the FIN arrives again", "TIME_WAIT 状态：FIN 再次到达"),
                summary: (
                    "in TIME_WAIT a retransmitted FIN is acknowledged again and the 2 MSL timer restarts",
                    "TIME_WAIT状态下收到重传的FIN：再次确认，并重新开始2MSL计时"),
                explanation: (
                    "Only a retransmitted FIN can arrive in TIME_WAIT: the host acknowledges it again and restarts the "
                        + "2MSL timer. Re-acknowledging that FIN is one reason TIME_WAIT exists.",
                    "TIME_WAIT 状态下只会收到重传的 FIN：主机再次确认它，并重新开始 2MSL 计时。重新确认这个 FIN 正是 TIME_WAIT "
                        + "存在的原因之一。"))
        case .dataAcknowledged:
            RuleWording(
                title: ("Data arrives", "数据到达"),
                summary: (
                    "data received in order is acknowledged: ack = SEG.SEQ + number of data bytes",
                    "按序收到的数据被确认：确认号 = SEG.SEQ + 数据字节数"),
                explanation: (
                    "In-order data is accepted, RCV.NXT advances by its length, and the host acknowledges with "
                        + "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: ack = SEG.SEQ + SEG.LEN.",
                    "按序到达的数据被接收，RCV.NXT 前进数据的长度，主机回应 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>："
                        + "确认号 = SEG.SEQ + SEG.LEN。"))
        case .dataAfterCloseResets:
            RuleWording(
                title: ("Data after close()", "close() 之后收到数据"),
                summary: (
                    "data arriving after the application closed cannot be delivered: RST (SHLD-3)",
                    "应用关闭后到达的数据无法交付：发送RST（SHLD-3）"),
                explanation: (
                    "The application has closed and will read nothing more, so new data cannot be delivered: the host "
                        + "answers with a reset (RFC 9293 §3.6.1; Linux does this).",
                    "应用已经关闭，不会再读取数据，新数据无法交付：主机以复位报文段回应（RFC 9293 §3.6.1；Linux 也是这样做的）。"))
        case .finReceived:
            RuleWording(
                title: ("A FIN arrives", "收到 FIN"),
                summary: (
                    "a FIN occupies one sequence number: ack = its seq + 1; the receiver enters CLOSE_WAIT",
                    "FIN占用一个序列号：确认号 = 其序列号+1；接收方进入CLOSE_WAIT"),
                explanation: (
                    "The peer will send no more data. RCV.NXT advances over the FIN, which occupies one number; the host "
                        + "acknowledges it (ack = SEG.SEQ + SEG.LEN) and, from ESTABLISHED, enters CLOSE_WAIT, where it "
                        + "may still send data until its own application closes (half-close).",
                    "对方不会再发送数据。RCV.NXT 越过占用一个序列号的 FIN 前进；主机确认它（确认号 = SEG.SEQ + SEG.LEN），"
                        + "若原来处于 ESTABLISHED 则进入 CLOSE_WAIT，在本方应用关闭之前仍可继续发送数据（半关闭）。"))
        case .finReceivedInFinWait1:
            RuleWording(
                title: ("FIN_WAIT_1: the other side's FIN arrives first", "FIN_WAIT_1 状态先收到对方的 FIN"),
                summary: (
                    "a FIN in FIN_WAIT_1 before our FIN is acknowledged: simultaneous close, CLOSING",
                    "在FIN_WAIT_1状态、本方的FIN尚未被确认时收到FIN：同时关闭，进入CLOSING"),
                explanation: (
                    "Our FIN is not yet acknowledged and the other side's FIN arrives: both sides are closing at once. "
                        + "The host acknowledges that FIN and enters CLOSING; TIME_WAIT comes when its own FIN is "
                        + "acknowledged.",
                    "本方的 FIN 尚未被确认，对方的 FIN 就到了：双方在同时关闭。主机确认这个 FIN，进入 CLOSING；"
                        + "等自己的 FIN 被确认后才进入 TIME_WAIT。"))
        case .finAndAckReceivedInFinWait1:
            RuleWording(
                title: ("FIN_WAIT_1: a FIN that also acknowledges our FIN", "FIN_WAIT_1 状态收到同时确认了本方 FIN 的 FIN"),
                summary: (
                    "a FIN that also acknowledges our FIN takes FIN_WAIT_1 straight to TIME_WAIT",
                    "同时确认了本方FIN的FIN使FIN_WAIT_1直接进入TIME_WAIT"),
                explanation: (
                    "One segment acknowledges our FIN and carries the other side's FIN, so the host goes from "
                        + "FIN_WAIT_1 straight to TIME_WAIT (a three-segment close) and acknowledges the FIN.",
                    "一个报文段既确认了本方的 FIN，又携带了对方的 FIN，所以主机从 FIN_WAIT_1 直接进入 TIME_WAIT"
                        + "（三个报文段完成关闭），并确认这个 FIN。"))
        case .finReceivedInFinWait2:
            RuleWording(
                title: ("FIN_WAIT_2: the peer's FIN arrives", "FIN_WAIT_2 状态收到对方的 FIN"),
                summary: (
                    "a FIN in FIN_WAIT_2 is acknowledged (ack = its seq + 1) and starts TIME_WAIT",
                    "FIN_WAIT_2状态下收到FIN：确认它（确认号 = 其序列号+1），进入TIME_WAIT"),
                explanation: (
                    "The host acknowledges the FIN (ack = SEG.SEQ + SEG.LEN) and enters TIME_WAIT, which lasts 2MSL: "
                        + "4 minutes with the RFC's 2-minute MSL, 60 s on Linux.",
                    "主机确认该 FIN（确认号 = SEG.SEQ + SEG.LEN），进入 TIME_WAIT，持续 2MSL：按 RFC 的 MSL（2 分钟）为 4 分钟，"
                        + "Linux 为 60 秒。"))
        case .finAcknowledged:
            RuleWording(
                title: ("A FIN arrives again", "FIN 再次到达"),
                summary: (
                    "a FIN occupies one sequence number: it is acknowledged with its seq + 1",
                    "FIN占用一个序列号：用其序列号+1来确认"),
                explanation: (
                    "A FIN already received arrives again (its acknowledgment was lost): it is acknowledged once more, "
                        + "ack = its seq + 1, and the state does not change.",
                    "已经收到过的 FIN 再次到达（说明对它的确认丢失了）：再确认一次，确认号 = 其序列号 + 1，状态不变。"))
        case .outOfOrderQueued:
            RuleWording(
                title: ("Data out of order", "乱序到达的数据"),
                summary: (
                    "a segment beyond RCV.NXT is held for later and an ACK says what is expected next",
                    "超出RCV.NXT的报文段被暂存，并用ACK告知期望的下一个序列号"),
                explanation: (
                    "A segment in the window but beyond RCV.NXT is kept for later; the host acknowledges RCV.NXT, "
                        + "the first byte still missing.",
                    "在窗口内但超出 RCV.NXT 的报文段被暂存；主机确认 RCV.NXT，即仍缺少的第一个字节。"))
        case .acceptableAckOnly:
            RuleWording(
                title: ("An acceptable bare ACK", "可接受的纯 ACK"),
                summary: (
                    "an acceptable segment that carries only an ACK: its ACK is processed and nothing is sent back",
                    "只带确认的可接受报文段：处理其中的确认，不回应任何报文段"),
                explanation: (
                    "The segment carries only an acknowledgment: it is processed and nothing is sent back, since a "
                        + "segment that occupies no sequence number is never acknowledged.",
                    "该报文段只带确认：处理后不回应任何报文段，因为不占用序列号的报文段从不需要被确认。"))
        case .retransmissionTimeout:
            RuleWording(
                title: ("Retransmission timeout", "重传超时"),
                summary: (
                    "no ACK came before the retransmission timer expired: the segment is sent again and the timeout doubles (RFC 6298)",
                    "重传计时器超时仍未收到ACK：重传该报文段，超时时间加倍（RFC 6298）"),
                explanation: (
                    "No acknowledgment came in time, so the oldest unacknowledged segment is sent again with the same "
                        + "seq: a retransmission takes no new sequence numbers.",
                    "在规定时间内没有收到确认，最早的未确认报文段以相同的序列号再次发送：重传不占用新的序列号。"))
        case .timeWaitExpired:
            RuleWording(
                title: ("TIME_WAIT ends", "TIME_WAIT 结束"),
                summary: ("TIME_WAIT has lasted 2 MSL: the TCB is deleted, CLOSED", "TIME_WAIT已持续2MSL：删除TCB，进入CLOSED"),
                explanation: (
                    "After 2MSL (4 minutes with the RFC's 2-minute MSL, 60 s on Linux) the TCB is deleted and the host "
                        + "enters CLOSED.",
                    "经过 2MSL（按 RFC 的 MSL（2 分钟）为 4 分钟，Linux 为 60 秒）后删除 TCB，主机进入 CLOSED。"))
        case .userTimeout:
            RuleWording(
                title: ("User timeout", "用户超时"),
                summary: (
                    "the user timeout expired with data unacknowledged: the connection is aborted",
                    "用户超时到期，数据仍未被确认：连接中止"),
                explanation: (
                    "Data went unacknowledged for too long: the connection is aborted, the TCB deleted, and the host "
                        + "enters CLOSED.",
                    "数据长时间未被确认：连接被中止，删除 TCB，主机进入 CLOSED。"))
        case .delayedAckSent:
            RuleWording(
                title: ("The delayed ACK timer expires", "延迟确认计时器到期"),
                summary: ("the delayed ACK timer expired: the ACK goes out alone", "延迟确认计时器到期：单独发送ACK"),
                explanation: (
                    "The receiver held its acknowledgment back, hoping to piggyback it on data; nothing came to send "
                        + "in time, so the ACK goes out alone: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.",
                    "接收方暂缓发送确认，希望能捎带在数据上；在规定时间内没有数据要发，于是单独发送 ACK："
                        + "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>。"))
        case .fromOutside:
            RuleWording(
                title: ("A segment from outside", "来自连接之外的报文段"),
                summary: (
                    "this segment comes from outside the connection: an old duplicate or a stray segment, not sent by the endpoint now",
                    "这个报文段来自连接之外：是旧的重复报文段或迷途报文段，并非端点此刻发出的"),
                explanation: (
                    "Nobody's endpoint sent this segment just now: it is an old duplicate from an earlier connection or "
                        + "a stray segment, delivered to show how the receiver must treat it (RFC 9293 §3.5).",
                    "这个报文段不是任何一端此刻发出的：它是早先连接遗留的旧重复报文段或迷途报文段，"
                        + "送达是为了展示接收方必须如何处理它（RFC 9293 §3.5）。"))
        case .simultaneousOpenSynAckEstablishes:
            RuleWording(
                title: ("A crossing SYN+ACK (simultaneous open, as Figure 7 draws it)", "交叉的 SYN+ACK（同时打开，按图7的画法）"),
                summary: (
                    "as RFC 9293's Figure 7 draws it, the crossing SYN+ACK that acknowledges our SYN completes a simultaneous open: ESTABLISHED, nothing sent back",
                    "按RFC 9293图7的画法，确认了本方SYN的交叉SYN+ACK完成同时打开：进入ESTABLISHED，不回复任何报文段"),
                explanation: (
                    "In a simultaneous open each side's SYN+ACK repeats its ISN and acknowledges the other's SYN. "
                        + "Figure 7 (§3.5) lets it complete the open: SND.UNA = SEG.ACK and the host is ESTABLISHED "
                        + "with nothing sent back, four segments in all (BSD; Linux 6.11 and later also become "
                        + "ESTABLISHED on it). The event rules of §3.10.7.4 instead find it unacceptable and answer "
                        + "with an ACK: six segments.",
                    "同时打开时，双方的 SYN+ACK 都重复自己的初始序列号，并确认对方的 SYN。按图7（§3.5），"
                        + "它完成连接的打开：SND.UNA = SEG.ACK，主机进入 ESTABLISHED，不回复任何报文段，总共四个报文段"
                        + "（BSD如此；Linux 6.11及以后也在收到它时进入 ESTABLISHED）。而按 §3.10.7.4 的事件处理规则，"
                        + "它不可接受，要用一个 ACK 回应：共六个报文段。"))
        case .duplicateAckCounted:
            RuleWording(
                title: ("A duplicate ACK while data is outstanding", "有数据未确认时收到重复的ACK"),
                summary: (
                    "an ACK that repeats SND.UNA while data is outstanding is a duplicate ACK: the sender counts it",
                    "有数据未被确认时，确认号仍等于SND.UNA的ACK是重复ACK：发送方给它计数"),
                explanation: (
                    "A bare ACK that acknowledges exactly SND.UNA, with data outstanding and the window unchanged, "
                        + "is a duplicate ACK (RFC 5681 §2): the receiver got a segment beyond a gap. The sender counts "
                        + "them; the third resends the missing segment (fast retransmit).",
                    "在还有数据未被确认、窗口不变时，确认号恰好等于 SND.UNA 的纯 ACK 是重复 ACK（RFC 5681 §2，"
                        + "408教材称冗余ACK）：接收方收到了缺口之后的报文段。发送方给它们计数，第三个重复 ACK 触发"
                        + "重传缺失的报文段（快速重传）。"))
        case .fastRetransmit:
            RuleWording(
                title: ("The third duplicate ACK", "第三个重复的ACK"),
                summary: (
                    "the third duplicate ACK resends the oldest unacknowledged segment at once, before the retransmission timer fires",
                    "第三个重复ACK到达时立即重传最早未被确认的报文段，不等重传计时器超时"),
                explanation: (
                    "Three duplicate ACKs say the segment starting at SND.UNA was lost while later ones arrived. "
                        + "The sender resends it at once, with the same seq and length, without waiting for the "
                        + "retransmission timeout (fast retransmit, RFC 5681 §3.2).",
                    "三个重复 ACK 说明从 SND.UNA 开始的那个报文段丢了，而它后面的报文段已经到达。发送方立即重传它，"
                        + "序列号和长度不变，不必等重传超时（快速重传，RFC 5681 §3.2）。"))
        case .handshakeAckCarriesData:
            RuleWording(
                title: ("SYN_SENT: a SYN-ACK arrives while data waits to be sent", "SYN_SENT 状态收到 SYN-ACK，且有数据等待发送"),
                summary: (
                    "the SYN+ACK completes the handshake and the data written while connecting rides on the third segment: seq = our ISN+1, ack = their ISN+1",
                    "SYN+ACK完成握手，连接期间写入的数据搭乘第三个报文段发出：序列号为本方初始序列号+1，确认号为对方初始序列号+1"),
                explanation: (
                    "The SYN-ACK acknowledges our SYN, so the host enters ESTABLISHED. Data the application wrote while "
                        + "the connection was opening was queued; the RFC lets it ride on the third segment (\"Data or "
                        + "controls that were queued for transmission MAY be included\"): <SEQ=SND.NXT><ACK=RCV.NXT>"
                        + "<CTL=ACK> with the data, so seq = ISS+1 (the SYN took one number, and carried no data).",
                    "SYN-ACK 确认了本方的 SYN，主机进入 ESTABLISHED。连接打开期间应用程序写入的数据已排队；RFC 允许它搭乘"
                        + "第三个报文段发出（“已排队待发的数据或控制位可以一并带上”）：<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
                        + "带着数据，所以序列号 = ISS+1（SYN 占用了一个序列号，但不带数据）。"))
        case .finRidesOnData:
            RuleWording(
                title: ("CLOSE with data still queued", "关闭时仍有数据在排队"),
                summary: (
                    "CLOSE with data still queued sends the data and the FIN in one segment (FP.): the FIN takes the number after the last byte, so ack = seq + len + 1",
                    "关闭时仍有数据在排队：数据和FIN装在同一个报文段里发出（FP.）；FIN占用最后一个字节之后的序列号，所以确认号 = 序列号 + 长度 + 1"),
                explanation: (
                    "The FIN follows the last queued byte. When the data has not left yet, both go in one segment "
                        + "with FIN, PSH and ACK set (tcpdump prints FP.): seq = SND.NXT, the data occupies its bytes and "
                        + "the FIN one more number, so the peer acknowledges seq + len + 1.",
                    "FIN 跟在最后一个排队的字节之后。如果数据还没有发出，两者就装在同一个报文段里，置 FIN、PSH 和 ACK 标志位"
                        + "（tcpdump 显示为 FP.）：序列号 = SND.NXT，数据占用它的字节数，FIN 再占一个序列号，所以对方的确认号是"
                        + "序列号 + 长度 + 1。"))
        case .keepAliveProbe:
            RuleWording(
                title: ("A connection idle for a long time", "长时间空闲的连接"),
                summary: (
                    "after the keep-alive idle time with nothing received, a probe goes out: an ACK with seq = SND.NXT-1 and no data, which the peer must answer",
                    "保活空闲时间内什么都没收到，就发出一个探测报文段：序列号为SND.NXT-1、不带数据的ACK，对方必须回应"),
                explanation: (
                    "With keep-alives on (they are off unless asked for), a host that has received nothing for the idle "
                        + "time sends <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>. Its sequence number was already "
                        + "acknowledged, so a live peer finds it unacceptable and answers with an ACK. Linux waits 7200 s, "
                        + "then probes every 75 s, 9 times.",
                    "开启保活（默认关闭）后，主机在空闲时间内什么都没收到，就发送 <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>。"
                        + "这个序列号对方早已确认过，所以存活的对方认为它不可接受，会回复一个 ACK。Linux 先等 7200 秒，"
                        + "然后每 75 秒探测一次，共 9 次。"))
        case .keepAliveTimeout:
            RuleWording(
                title: ("Keep-alive probes without an answer", "保活探测得不到回应"),
                summary: (
                    "after the last keep-alive probe goes unanswered the peer is taken for dead: the connection is reset and the application gets a timeout",
                    "最后一个保活探测也没有回应，就认为对方已经不在：连接被复位，应用程序得到超时错误"),
                explanation: (
                    "No answer to any probe means the peer is gone or unreachable. The host deletes the connection and "
                        + "tells the application (socket error ETIMEDOUT); like Linux, it sends <SEQ=SND.NXT><CTL=RST> "
                        + "in case the peer can still hear it.",
                    "所有探测都没有回应，说明对方已经不在或不可达。主机删除这条连接并通知应用程序（套接字错误 ETIMEDOUT）；"
                        + "和 Linux 一样，它还发送 <SEQ=SND.NXT><CTL=RST>，以防对方其实还能收到。"))
        case .zeroWindowProbe:
            RuleWording(
                title: ("Data waiting behind a zero window", "数据被零窗口挡住"),
                summary: (
                    "while the peer's window stays zero the persist timer probes it: an ACK with seq = SND.NXT-1 the peer must answer with its window",
                    "对方窗口一直为零时，坚持定时器会去探测：发送序列号为SND.NXT-1的ACK，对方必须回复自己的窗口"),
                explanation: (
                    "A zero window stops the sender, and the ACK that reopens it could be lost, so the sender probes: the "
                        + "first probe after a retransmission timeout, then at doubling intervals (SHLD-29, SHLD-30). "
                        + "This engine sends the probe Linux sends, an already acknowledged number and no data; the RFC's "
                        + "probe carries one octet of new data. Either way the receiver answers with its current window.",
                    "零窗口让发送方停下，而重新打开窗口的那个 ACK 可能丢失，所以发送方要去探测：在一个重传超时后发出第一个"
                        + "探测，之后间隔加倍（SHLD-29、SHLD-30）。本引擎发送的是 Linux 的探测报文段：一个早已确认过的序列号，"
                        + "不带数据；RFC 的探测则带一个字节的新数据。无论哪种，接收方都会回复自己当前的窗口。"))
        case .windowUpdate:
            RuleWording(
                title: ("The application reads and frees the buffer", "应用程序读取数据，腾出缓冲区"),
                summary: (
                    "once a read frees at least half the receive buffer, an ACK announces the larger window (a window update)",
                    "读取操作腾出至少一半接收缓冲区后，发送一个ACK通告更大的窗口（窗口更新）"),
                explanation: (
                    "Reading takes data out of the receive buffer, so RCV.WND grows. The receiver announces it with an ACK "
                        + "that changes only the window, once the window has grown by a good part of the buffer rather "
                        + "than byte by byte (receiver silly window avoidance).",
                    "读取会把数据从接收缓冲区取走，于是 RCV.WND 变大。接收方用一个只改变窗口的 ACK 通告新窗口；"
                        + "要等窗口增大了缓冲区的相当一部分才通告，而不是一个字节一个字节地通告（接收方的糊涂窗口综合征避免）。"))
        }
    }
}
