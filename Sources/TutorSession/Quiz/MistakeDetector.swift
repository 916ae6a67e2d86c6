import LessonKit
import TCPCore

/// Recognises common wrong answers by comparing them with the engine's segment and the history behind it.
/// Every answer one away from the right number gets a mistake, the most specific one that fits.
enum MistakeDetector {
    /// A wrong seq, typed in the question's numbering.
    static func seq(_ typed: UInt32, in question: QuizQuestion) -> QuizMistake? {
        let segment = question.segment
        let numbering = question.numbering
        let sender = question.sender
        let rule = question.expected.sentBecause
        if numbering.other.typed(segment.seq, .seq, sender: sender, rule: rule) == typed,
            numbering.other.typed(segment.seq, .seq, sender: sender, rule: rule) != question.expectedTypedSeq
        {
            return .numberingMixUp
        }
        if segment.has(.rst), let form = ResetForm(rule: question.expected.sentBecause) {
            switch form {
            case .zeroSeq: return .resetSeqZero
            case .seqFromAck: return .resetSeqFromAck
            case .sendNext: break
            }
        }
        let given = numbering.absolute(typed: typed, .seq, sender: sender, rule: rule)
        let distance = given.distance(from: segment.seq)
        if distance == 1, let previous = question.previousFromSender, previous.sequenceLength == 0,
            previous.seq == segment.seq
        {
            return .bareAckConsumesNothing
        }
        if distance == 1, segment.has(.syn) || segment.has(.fin) { return .ownSynFinCountedEarly }
        if let previous = question.previousFromSender {
            if distance == -1, previous.nextSeq == segment.seq {
                if previous.has(.fin), previous.payloadLength == 0 { return .finOccupiesOne }
                if previous.has(.syn) { return .synOccupiesOne }
                if previous.has(.fin) { return .finOccupiesOne }
                if previous.payloadLength > 0 { return .lastByteInsteadOfNext }
            }
            if previous.payloadLength > 0, previous.nextSeq == segment.seq {
                if given == previous.seq { return .dataLengthNotAdded }
                if previous.payloadLength > 1, given == previous.seq &+ 1 { return .plusOneInsteadOfLength }
                if distance == 1, !previous.has(.syn), !previous.has(.fin) { return .extraOneWithoutSynFin }
            }
        }
        if abs(distance) == 1 { return .offByOne }
        if case .number(let typedAck) = question.expectedTypedAck, typed == typedAck { return .swappedSeqAndAck }
        return nil
    }

    /// A wrong ack number, typed in the question's numbering.
    static func ack(_ typed: UInt32, in question: QuizQuestion) -> QuizMistake? {
        let segment = question.segment
        guard let ack = segment.ack else { return .ackWithoutAckFlag }
        let numbering = question.numbering
        let sender = question.sender
        if numbering.other.typed(ack, .ack, sender: sender) == typed { return .numberingMixUp }
        let given = numbering.absolute(typed: typed, .ack, sender: sender)
        if question.crossedOnWire.contains(where: { $0.nextSeq == given }) { return .crossedOnWire }
        let distance = given.distance(from: ack)
        if let acknowledged = question.acknowledgedSegment, acknowledged.nextSeq == ack {
            if distance == -1 {
                if acknowledged.has(.fin), acknowledged.payloadLength == 0 { return .finOccupiesOne }
                if acknowledged.has(.syn) { return .synOccupiesOne }
                if acknowledged.has(.fin) { return .finOccupiesOne }
                return .lastByteInsteadOfNext
            }
            if acknowledged.payloadLength > 0 {
                if given == acknowledged.seq { return .dataLengthNotAdded }
                if acknowledged.payloadLength > 1, given == acknowledged.seq &+ 1 { return .plusOneInsteadOfLength }
            }
        }
        if distance == 1 {
            if let last = question.lastReceivedBySender, last.sequenceLength == 0, given == last.seq &+ 1 {
                return .bareAckConsumesNothing
            }
            if let acknowledged = question.acknowledgedSegment, acknowledged.nextSeq == ack,
                !acknowledged.has(.syn), !acknowledged.has(.fin)
            {
                return .extraOneWithoutSynFin
            }
        }
        if abs(distance) == 1 { return .offByOne }
        // Compared as typed: a number from the sender's own space, as the learner would copy it.
        let typedSeq = question.expectedTypedSeq
        if typed == typedSeq { return .swappedSeqAndAck }
        if typed == typedSeq &+ 1 { return .ackWithOwnSeq }
        if let previous = question.previousFromSender,
            typed == numbering.typed(previous.seq, .seq, sender: sender)
                || typed == numbering.typed(previous.nextSeq, .seq, sender: sender)
        {
            return .ackWithOwnSeq
        }
        return nil
    }

    /// "No ack" where the segment carries one.
    static func absentAck(in question: QuizQuestion) -> QuizMistake {
        .ackNumberMissing
    }

    /// Wrong flags.
    static func flags(_ given: TCPFlags, in question: QuizQuestion) -> QuizMistake? {
        let expected = question.segment.flags
        let isReset = expected.contains(.rst)
        if isReset {
            if given == expected.union(.ack) { return .resetWithAck }
            if given == expected.subtracting(.ack), expected.contains(.ack) { return .resetNeedsAck }
            if !given.contains(.rst) {
                if given.contains(.ack), question.previousOnWire?.segment.has(.rst) == true {
                    return .resetIsNeverAcknowledged
                }
                return .ackInsteadOfReset
            }
            return nil
        }
        if given.contains(.rst) {
            return question.previousOnWire?.segment.has(.rst) == true ? .resetIsNeverAcknowledged : .resetInsteadOfAck
        }
        if question.previousOnWire?.segment.has(.rst) == true, given == .ack { return .resetIsNeverAcknowledged }
        if expected.contains(.ack), given == expected.subtracting(.ack) { return .ackFlagForgotten }
        return nil
    }

    /// A wrong state for the receiver after the segment.
    static func state(_ given: ConnectionState, in question: QuizQuestion) -> QuizMistake? {
        let expected = question.receiverStateAfter
        let receiver = question.receiver
        if given == .timeWait, expected != .timeWait {
            if expected == .closing { return .simultaneousClose }
            if question.firstCloser != receiver { return .timeWaitOnWrongHost }
        }
        if expected == .timeWait {
            if question.receiverStateBefore == .finWait1, given == .finWait2 || given == .closing {
                return .finAckSkipsFinWait2
            }
            if [.closed, .lastAck, .closeWait].contains(given) { return .timeWaitMissed }
        }
        if expected == .closing, given == .finWait2 { return .simultaneousClose }
        if expected == .synReceived, question.receiverStateBefore == .synSent, given == .established {
            return .simultaneousOpen
        }
        if given == question.senderStateAfter, given != expected { return .stateOfSender }
        return nil
    }

    /// A wrong data length.
    static func len(_ given: UInt32, in question: QuizQuestion) -> QuizMistake? {
        let segment = question.segment
        if given == segment.sequenceLength, segment.sequenceLength != segment.payloadLength {
            return .lengthCountsDataOnly
        }
        if given == segment.payloadLength &+ 1 || given &+ 1 == segment.payloadLength { return .offByOne }
        return nil
    }
}
