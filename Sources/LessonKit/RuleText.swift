import TCPCore

/// The words for each engine rule, in both languages: what the rule says and where RFC 9293 says it.
public enum RuleText {
    /// One sentence: the rule as applied.
    public static func summary(_ rule: Rule, _ language: Language) -> String {
        let text = texts(rule)
        return language == .en ? text.en : text.zh
    }

    /// The rule with its RFC 9293 section: "a SYN is acknowledged with ISN+1, RFC 9293 §3.4".
    public static func explanation(_ rule: Rule, _ language: Language) -> String {
        language == .en
            ? "\(summary(rule, .en)), RFC 9293 \(rule.section)" : "\(summary(rule, .zh))（RFC 9293 \(rule.section)）"
    }

    // swift-format-ignore
    static func texts(_ rule: Rule) -> (en: String, zh: String) {
        switch rule {
        case .passiveOpen:
            ("a passive OPEN waits in LISTEN for a SYN", "被动打开：进入LISTEN状态，等待SYN")
        case .activeOpen:
            ("an active OPEN sends SYN with the ISN and enters SYN_SENT", "主动打开：发送携带初始序列号的SYN，进入SYN_SENT")
        case .sendData:
            ("data is sent from SND.NXT; seq advances by the number of data bytes", "数据从SND.NXT开始发送，序列号按数据字节数前进")
        case .closeSendsFin:
            ("CLOSE sends FIN+ACK with seq = SND.NXT; the FIN occupies one sequence number", "CLOSE发送FIN+ACK，序列号为SND.NXT；FIN占用一个序列号")
        case .closeInListen:
            ("CLOSE in LISTEN deletes the TCB; nothing is sent", "在LISTEN状态下CLOSE：删除TCB，不发送任何报文段")
        case .closeInSynSent:
            ("CLOSE in SYN_SENT deletes the TCB without sending anything", "在SYN_SENT状态下CLOSE：删除TCB，不发送任何报文段")
        case .closeQueuedUntilDataSent:
            ("the FIN waits until queued data has been sent", "FIN要等排队的数据发送完毕后才发出")
        case .closeWithUnreadDataResets:
            ("closing with received data still unread sends RST to show data was lost (SHLD-3)", "关闭时仍有未读取的数据，发送RST表示数据丢失（SHLD-3）")
        case .abortSendsReset:
            ("ABORT sends RST with seq = SND.NXT and deletes the TCB", "ABORT发送序列号为SND.NXT的RST，并删除TCB")
        case .abortWithoutReset:
            ("ABORT in this state deletes the TCB without sending RST", "在此状态下ABORT只删除TCB，不发送RST")
        case .closedDiscardsReset:
            ("an RST arriving where no connection exists is discarded", "没有连接时收到的RST被丢弃")
        case .closedResetsAckSegment:
            ("no connection exists: a segment with ACK is answered by RST with seq = SEG.ACK", "连接不存在：对带ACK的报文段回复RST，序列号为SEG.ACK")
        case .closedResetsNonAckSegment:
            ("no connection exists: a segment without ACK is answered by RST+ACK with seq 0 and ack = SEG.SEQ+SEG.LEN", "连接不存在：对不带ACK的报文段回复RST+ACK，序列号为0，确认号为SEG.SEQ+SEG.LEN")
        case .listenIgnoresReset:
            ("in LISTEN an incoming RST is ignored", "LISTEN状态下收到的RST被忽略")
        case .listenResetsAck:
            ("in LISTEN nothing has been sent, so any ACK is bad: RST with seq = SEG.ACK", "LISTEN状态下尚未发送任何数据，任何ACK都是错误的：回复序列号为SEG.ACK的RST")
        case .listenAnswersSyn:
            ("a SYN in LISTEN is answered by SYN+ACK with our ISN and ack = their ISN+1 (a SYN occupies one sequence number)", "LISTEN状态收到SYN：回复SYN+ACK，序列号为自己的初始序列号，确认号为对方初始序列号+1（SYN占用一个序列号）")
        case .listenDropsOther:
            ("in LISTEN a segment without SYN is dropped", "LISTEN状态下不带SYN的报文段被丢弃")
        case .synSentResetsBadAck:
            ("in SYN_SENT an ACK for something we never sent is answered by RST with seq = SEG.ACK", "SYN_SENT状态下收到确认了我们从未发送内容的ACK：回复序列号为SEG.ACK的RST")
        case .synSentIgnoresUnacceptableAck:
            ("in SYN_SENT an RST with an unacceptable ACK is dropped", "SYN_SENT状态下确认号不可接受的RST被丢弃")
        case .synSentAcceptsReset:
            ("in SYN_SENT an RST that acknowledges our SYN ends the attempt: the RFC signals \"connection reset\", sockets report \"connection refused\"", "SYN_SENT状态下确认了我们SYN的RST结束连接尝试：RFC称之为“连接复位”，套接字报告“连接被拒绝”")
        case .synSentDropsResetWithoutAck:
            ("in SYN_SENT an RST counts only if it acknowledges our SYN; this one does not", "SYN_SENT状态下只有确认了我们SYN的RST才有效，这个没有")
        case .synSentCompletesHandshake:
            ("a SYN+ACK that acknowledges our SYN completes the handshake: ACK with ack = their ISN+1, ESTABLISHED", "确认了我们SYN的SYN+ACK完成握手：回复ACK，确认号为对方初始序列号+1，进入ESTABLISHED")
        case .synSentSimultaneousOpen:
            ("a SYN without ACK in SYN_SENT is a simultaneous open: SYN+ACK repeating our ISN, SYN_RECEIVED", "SYN_SENT状态收到不带ACK的SYN即同时打开：回复重复自己初始序列号的SYN+ACK，进入SYN_RECEIVED")
        case .synSentDropsOther:
            ("in SYN_SENT a segment with neither SYN nor RST is dropped", "SYN_SENT状态下既不带SYN也不带RST的报文段被丢弃")
        case .unacceptableSegmentAcked:
            ("a segment outside the receive window is answered by an ACK with seq = SND.NXT and ack = RCV.NXT, then dropped", "不在接收窗口内的报文段：回复序列号为SND.NXT、确认号为RCV.NXT的ACK，然后丢弃")
        case .unacceptableResetIgnored:
            ("an RST outside the receive window is dropped silently", "不在接收窗口内的RST被静默丢弃")
        case .resetInSynReceivedFromPassiveOpen:
            ("in SYN_RECEIVED after a passive OPEN, an RST (or a SYN) returns the connection to LISTEN", "被动打开后的SYN_RECEIVED状态下收到RST（或SYN），连接回到LISTEN")
        case .resetCloses:
            ("an RST with seq = RCV.NXT resets the connection: CLOSED; an RST is never acknowledged", "序列号等于RCV.NXT的RST复位连接：进入CLOSED；RST永远不被确认")
        case .resetChallengeAck:
            ("an RST inside the window but not at RCV.NXT gets a challenge ACK (RFC 5961)", "在窗口内但序列号不等于RCV.NXT的RST：回复挑战ACK（RFC 5961）")
        case .synChallengeAck:
            ("a SYN in a synchronised state gets a challenge ACK and is dropped (RFC 5961)", "同步状态下收到SYN：回复挑战ACK并丢弃（RFC 5961）")
        case .synReceivedInTimeWait:
            ("a SYN in TIME_WAIT gets a challenge ACK", "TIME_WAIT状态下收到SYN：回复挑战ACK")
        case .noAckDropped:
            ("once synchronised, a segment without the ACK flag is dropped", "连接同步后，不带ACK标志位的报文段被丢弃")
        case .synReceivedAckEstablishes:
            ("an ACK of our SYN in SYN_RECEIVED completes the handshake: ESTABLISHED", "SYN_RECEIVED状态下收到对我们SYN的确认：握手完成，进入ESTABLISHED")
        case .synReceivedBadAckResets:
            ("in SYN_RECEIVED an unacceptable ACK is answered by RST with seq = SEG.ACK", "SYN_RECEIVED状态下不可接受的ACK：回复序列号为SEG.ACK的RST")
        case .ackAdvancesSendUna:
            ("an ACK acknowledges everything before its ack number: SND.UNA moves up", "ACK确认了确认号之前的所有数据：SND.UNA前移")
        case .duplicateAckIgnored:
            ("an ACK that acknowledges nothing new is a duplicate and is ignored", "没有确认新数据的ACK是重复ACK，被忽略")
        case .ackOfUnsentDataAcked:
            ("an ACK for data not yet sent is answered by an ACK and dropped", "确认了尚未发送数据的ACK：回复ACK并丢弃")
        case .finWait1FinAcked:
            ("our FIN is acknowledged: FIN_WAIT_1 becomes FIN_WAIT_2", "我们的FIN被确认：从FIN_WAIT_1进入FIN_WAIT_2")
        case .closingFinAcked:
            ("in CLOSING the ACK of our FIN leads to TIME_WAIT", "CLOSING状态下我们的FIN被确认：进入TIME_WAIT")
        case .lastAckFinAcked:
            ("in LAST_ACK the ACK of our FIN ends the connection: CLOSED", "LAST_ACK状态下我们的FIN被确认：连接结束，进入CLOSED")
        case .timeWaitFinRetransmission:
            ("in TIME_WAIT a retransmitted FIN is acknowledged again and the 2 MSL timer restarts", "TIME_WAIT状态下收到重传的FIN：再次确认，并重新开始2MSL计时")
        case .dataAcknowledged:
            ("data received in order is acknowledged: ack = SEG.SEQ + number of data bytes", "按序收到的数据被确认：确认号 = SEG.SEQ + 数据字节数")
        case .dataAfterCloseResets:
            ("data arriving after the application closed cannot be delivered: RST (SHLD-3)", "应用关闭后到达的数据无法交付：发送RST（SHLD-3）")
        case .finReceived:
            ("a FIN occupies one sequence number: ack = its seq + 1; the receiver enters CLOSE_WAIT", "FIN占用一个序列号：确认号 = 其序列号+1；接收方进入CLOSE_WAIT")
        case .finReceivedInFinWait1:
            ("a FIN in FIN_WAIT_1 before our FIN is acknowledged: simultaneous close, CLOSING", "在FIN_WAIT_1状态、我们的FIN尚未被确认时收到FIN：同时关闭，进入CLOSING")
        case .finAndAckReceivedInFinWait1:
            ("a FIN that also acknowledges our FIN takes FIN_WAIT_1 straight to TIME_WAIT", "同时确认了我们FIN的FIN使FIN_WAIT_1直接进入TIME_WAIT")
        case .finReceivedInFinWait2:
            ("a FIN in FIN_WAIT_2 is acknowledged (ack = its seq + 1) and starts TIME_WAIT", "FIN_WAIT_2状态下收到FIN：确认它（确认号 = 其序列号+1），进入TIME_WAIT")
        case .finAcknowledged:
            ("a FIN occupies one sequence number: it is acknowledged with its seq + 1", "FIN占用一个序列号：用其序列号+1来确认")
        case .outOfOrderQueued:
            ("a segment beyond RCV.NXT is held for later and an ACK says what is expected next", "超出RCV.NXT的报文段被暂存，并用ACK告知期望的下一个序列号")
        case .acceptableAckOnly:
            ("an acceptable segment with nothing new is dropped", "没有新内容的可接受报文段被丢弃")
        case .retransmissionTimeout:
            ("no ACK came before the retransmission timer expired: the segment is sent again and the timeout doubles (RFC 6298)", "重传计时器超时仍未收到ACK：重传该报文段，超时时间加倍（RFC 6298）")
        case .timeWaitExpired:
            ("TIME_WAIT has lasted 2 MSL: the TCB is deleted, CLOSED", "TIME_WAIT已持续2MSL：删除TCB，进入CLOSED")
        case .userTimeout:
            ("the user timeout expired with data unacknowledged: the connection is aborted", "用户超时到期，数据仍未被确认：连接中止")
        case .fromOutside:
            ("this segment comes from outside the connection: an old duplicate or a stray segment, not sent by the endpoint now", "这个报文段来自连接之外：是旧的重复报文段或迷途报文段，并非端点此刻发出的")
        case .delayedAckSent:
            ("the delayed ACK timer expired: the ACK goes out alone", "延迟确认计时器到期：单独发送ACK")
        }
    }
}
