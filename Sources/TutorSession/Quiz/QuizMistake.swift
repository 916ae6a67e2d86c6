/// A common wrong answer the grader recognises and explains with a pointed note (TEACHING.md).
public enum QuizMistake: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable {
    /// The number is right in the other numbering (absolute typed where relative was asked, or back).
    case numberingMixUp
    /// seq and ack exchanged.
    case swappedSeqAndAck
    /// The ack answered with a number from the sender's own sequence space.
    case ackWithOwnSeq
    /// One short: the SYN occupies a sequence number (RFC 9293 §3.4).
    case synOccupiesOne
    /// One short: the FIN occupies a sequence number (RFC 9293 §3.4).
    case finOccupiesOne
    /// One too many: a bare ACK consumes no sequence number ("ack = seq + 1" used on a bare ACK).
    case bareAckConsumesNothing
    /// One too many on a SYN or FIN's own seq: its number is counted from the next segment on.
    case ownSynFinCountedEarly
    /// The number not advanced by the data bytes of the segment before.
    case dataLengthNotAdded
    /// One added for data instead of the number of data bytes.
    case plusOneInsteadOfLength
    /// One short after data: the number of the last byte instead of the next one.
    case lastByteInsteadOfNext
    /// One too many after data: an extra one for a SYN or FIN the segment does not carry.
    case extraOneWithoutSynFin
    /// The ACK flag left out on a segment of a synchronised connection or a SYN-ACK (TEACHING.md rule 2).
    case ackFlagForgotten
    /// "No ack" said of a segment that carries ACK.
    case ackNumberMissing
    /// An ack number given for a segment without the ACK flag.
    case ackWithoutAckFlag
    /// `R.` where the reset carries no ACK (`<SEQ=SEG.ACK><CTL=RST>` or an ABORT).
    case resetWithAck
    /// `R` where the reset must acknowledge a segment that had no ACK (`R.`).
    case resetNeedsAck
    /// An ACK predicted in answer to a RST: a RST is never acknowledged.
    case resetIsNeverAcknowledged
    /// An ACK predicted where the engine sends a reset.
    case ackInsteadOfReset
    /// A reset predicted where a synchronised connection answers with an empty ACK (§3.5.2).
    case resetInsteadOfAck
    /// A reset answering a segment without ACK has seq 0.
    case resetSeqZero
    /// A reset answering a segment with ACK takes its seq from SEG.ACK.
    case resetSeqFromAck
    /// TIME_WAIT put on the side that closed second (TEACHING.md rule 3).
    case timeWaitOnWrongHost
    /// The side that closed first skipping TIME_WAIT.
    case timeWaitMissed
    /// FIN_WAIT_2 where one FIN+ACK takes FIN_WAIT_1 straight to TIME_WAIT (TEACHING.md rule 5).
    case finAckSkipsFinWait2
    /// A simultaneous close goes through CLOSING (TEACHING.md rule 3).
    case simultaneousClose
    /// A simultaneous open goes through SYN_RECEIVED (TEACHING.md rule 7).
    case simultaneousOpen
    /// The sender's state given where the receiver's was asked.
    case stateOfSender
    /// SYN or FIN counted as a data byte in the length.
    case lengthCountsDataOnly
    /// An acknowledgment of a segment that was still on its way when this one left (they crossed).
    case crossedOnWire
    /// Any other answer one away from the engine's number.
    case offByOne
}
