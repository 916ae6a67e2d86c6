import TCPCore
import TCPNotation
import TimelineKit

/// Warns about narration shown before a quiz point that names its answer (TEACHING.md rule 12): the step before
/// a question about A's FIN must not say "A sends a FIN+ACK and enters FIN_WAIT_1", nor the number it carries.
///
/// The narration on screen before a question is that of the last segment and of the steps after it that the
/// question is asked after (`Timeline.questionLeadStart`); the calls that make the segment come after the answer.
public enum AnswerLeakLinter {
    public static func warnings(_ timeline: Timeline, file: String) -> [Diagnostic] {
        var found = stateQuestionWarnings(timeline, file: file)
        for frame in timeline.frames {
            guard let quiz = frame.quiz, let wire = frame.wire else { continue }
            let visible = timeline.questionLeadStart(before: frame.index) - 1
            let first = timeline.frames[..<frame.index].lastIndex { $0.wire != nil } ?? 0
            guard first <= visible else { continue }
            // The calls that make the segment are shown after the answer: a question in their narration ("What does
            // A send?") would be asked once it is answered.
            for lead in timeline.frames[(visible + 1)..<frame.index] {
                guard let narration = lead.narration, narration.en.contains("?") || narration.zh.contains("？") else {
                    continue
                }
                found.append(
                    Diagnostic(
                        file: file, line: lead.origin.number, column: 1,
                        message:
                            "this step is shown after the quiz at line \(quiz.line) is answered: "
                            + "its narration should not ask what comes next",
                        isWarning: true))
            }
            let answers = answerWords(quiz, wire, timeline: timeline, leadFrom: visible + 1, to: frame.index)
            found += leaks(of: answers, in: timeline.frames[first...visible], quiz: quiz, file: file, after: "segment")
        }
        return found
    }

    /// A warning for each narration in `frames` that names one of `answers` (the first one it names).
    static func leaks(
        of answers: [String], in frames: ArraySlice<Frame>, quiz: QuizPoint, file: String, after step: String
    ) -> [Diagnostic] {
        frames.compactMap { shown in
            guard let narration = shown.narration,
                let leak = [narration.en, narration.zh].lazy.compactMap({ text in
                    answers.first { contains(text, word: $0) }
                }).first
            else { return nil }
            return Diagnostic(
                file: file, line: shown.origin.number, column: 1,
                message:
                    "narration before the quiz at line \(quiz.line) names its answer '\(leak)': "
                    + "move it after the \(step) (TEACHING.md rule 12)",
                isWarning: true)
        }
    }

    /// What would answer the question if it were on screen: the segment's label, its flags as tcpdump letters and
    /// by name, the state its sender enters by sending it, its seq and ack in the lesson's numbering (those
    /// with three digits or more that are not given: an ISN or a number on the ladder), and a `time` answer's
    /// duration in any spelling.
    static func answerWords(
        _ quiz: QuizPoint, _ wire: WireEvent, timeline: Timeline, leadFrom start: Int, to end: Int
    ) -> [String] {
        let segment = wire.segment
        let base = timeline.numberBase(from: wire.from)
        var words = [segment.notation(base: base)]
        if quiz.fields.contains(.flags) {
            let flags = segment.flags
            // Flags the ladder already shows (a retransmission, or the peer's SYN+ACK in a simultaneous open) are
            // named when that segment is talked about: no leak.
            let shown = timeline.frames[..<end].compactMap(\.wire).contains { $0.segment.flags == flags }
            if flags.tcpdump.count >= 2, !shown {
                words += [
                    flags.tcpdump, flags.spelledOut, flags.spelledOut.replacingOccurrences("+", with: ","),
                    flags.spelledOut.replacingOccurrences("+", with: "-"),
                ]
            }
            let entered = timeline.frames[start..<end].flatMap { $0.transitions[wire.from] ?? [] }.map(\.to)
            words += entered.map(\.description)
        }
        // Given, not answers: the ISNs, and every number of the segments already on the ladder (the ACK's seq is
        // the ack it received: working that out from the ladder is the skill asked).
        var given = Set(
            HostID.allCases.compactMap { timeline.numbering == .absolute ? timeline.isn[$0].rawValue : nil })
        for earlier in timeline.frames[..<end].compactMap(\.wire) {
            let base = timeline.numberBase(from: earlier.from)
            let seq = earlier.segment.seq.offset(from: base.seqBase)
            given.formUnion([seq, seq &+ earlier.segment.payloadLength])
            if let ack = earlier.segment.ack { given.insert(ack.offset(from: base.ackBase)) }
        }
        var numbers: [UInt32] = []
        if quiz.fields.contains(.seq) { numbers.append(segment.seq.offset(from: base.seqBase)) }
        if quiz.fields.contains(.ack), let ack = segment.ack { numbers.append(ack.offset(from: base.ackBase)) }
        words += numbers.filter { $0 >= 100 && !given.contains($0) }.map { String($0) }
        if quiz.fields.contains(.time), let measure = quiz.measure {
            words += measuredAnswerWords(measure)
        } else if quiz.fields.contains(.time) {
            // A `time` question's answer: from the sending of the segment shown before it to this one's.
            let before = timeline.frames[..<end].last { $0.wire != nil }?.wire?.sentAt ?? 0
            if wire.sentAt > before { words += DurationWords.spellings(wire.sentAt - before) }
        }
        return words
    }

    /// Whether `word` stands in `text` on its own: not inside a longer number or name.
    static func contains(_ text: String, word: String) -> Bool {
        var from = text.startIndex
        while let range = text[from...].firstRange(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before), !isWordCharacter(after) { return true }
            from = range.upperBound
        }
        return false
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character, character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
