import TCPCore
import TimelineKit

/// The moments of a `time` question (`TimeMeasure`): `until arrival`, `until A CLOSED`, `since A connect`,
/// `since A TIME_WAIT`, after the fields of a `quiz` line.
extension LessonParser {
    mutating func parseTimeMeasure(
        first: (text: Substring, column: Int), rest words: inout Words, fields: [QuizField], line: Int
    ) -> TimeMeasure? {
        // A quiz line without fields is reported as such.
        guard !fields.isEmpty else { return nil }
        guard fields.contains(.time) else {
            error(line, first.column, "'\(first.text)' belongs to a 'time' question, as in 'quiz time until A CLOSED'")
            return nil
        }
        var measure = TimeMeasure(until: .sent, since: .previousSegment, untilColumn: first.column)
        var seen: Set<Substring> = []
        var next: (text: Substring, column: Int)? = first
        while let keyword = next {
            guard keyword.text == "until" || keyword.text == "since" else {
                error(line, keyword.column, "expected 'until' or 'since', not '\(keyword.text)'")
                return nil
            }
            guard seen.insert(keyword.text).inserted else {
                error(line, keyword.column, "'\(keyword.text)' twice in one 'quiz' line")
                return nil
            }
            guard let subject = words.next() else {
                let example = keyword.text == "until" ? "'until A CLOSED' or 'until arrival'" : "'since A connect'"
                error(line, keyword.column, "'\(keyword.text)' needs a moment, as in \(example)")
                return nil
            }
            if keyword.text == "until" {
                guard let moment = parseUntil(subject, &words, line: line) else { return nil }
                measure.until = moment
                measure.untilColumn = subject.column
            } else {
                guard let moment = parseSince(subject, &words, line: line) else { return nil }
                measure.since = moment
                measure.sinceColumn = subject.column
            }
            next = words.next()
        }
        return measure
    }

    /// `arrival` or `A CLOSED`.
    private mutating func parseUntil(
        _ subject: (text: Substring, column: Int), _ words: inout Words, line: Int
    ) -> TimeMeasure.Moment? {
        if subject.text == "arrival" { return .arrival }
        guard let host = HostID(rawValue: String(subject.text)), let word = words.next() else {
            error(line, subject.column, "expected 'arrival' or a host and a state, as in 'until A CLOSED'")
            return nil
        }
        guard let state = ConnectionState(spelling: String(word.text)) else {
            error(line, word.column, "unknown state '\(word.text)': 'until' names the state \(host) reaches")
            return nil
        }
        return .state(host, state)
    }

    /// `A connect` (a call) or `A TIME_WAIT` (a state entered).
    private mutating func parseSince(
        _ subject: (text: Substring, column: Int), _ words: inout Words, line: Int
    ) -> TimeMeasure.Moment? {
        guard let host = HostID(rawValue: String(subject.text)), let word = words.next() else {
            error(line, subject.column, "expected a host and a call or state, as in 'since A connect'")
            return nil
        }
        if TimeMeasure.callVerbs.contains(String(word.text)) { return .call(host, String(word.text)) }
        guard let state = ConnectionState(spelling: String(word.text)) else {
            let calls = TimeMeasure.callVerbs.joined(separator: ", ")
            error(line, word.column, "'\(word.text)' is neither a call (\(calls)) nor a state")
            return nil
        }
        return .state(host, state)
    }

    /// A quiz point before a `wait`: it can only ask when the wait's timers change a host's state, since no segment
    /// is shown there (TIME_WAIT's 2MSL timer sends nothing, RFC 9293 §3.10.8).
    mutating func quizOnWait(_ quiz: QuizPoint) -> QuizPoint? {
        guard let measure = quiz.measure, measure.stateHost != nil else {
            error(
                quiz.line, quiz.measure?.untilColumn ?? 1,
                "a 'quiz' before a 'wait' asks when a host's state changes, as in 'quiz time until A CLOSED'")
            return nil
        }
        guard quiz.fields == [.time] else {
            error(quiz.line, 1, "a 'quiz' before a 'wait' asks only 'time': no segment is shown there")
            return nil
        }
        return quiz
    }
}
