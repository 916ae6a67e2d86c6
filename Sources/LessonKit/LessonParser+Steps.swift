import TCPCore
import TCPNotation
import TimelineKit

/// Step directives: host calls, the wire, time, checks, narration-only steps and quiz points.
extension LessonParser {
    mutating func parseDirective(_ content: Substring, line: Int, column: Int) {
        var words = Words(content, column: column)
        guard let first = words.next() else { return }
        switch first.text {
        case "A", "B":
            let host = HostID(rawValue: String(first.text))!
            if let arrow = words.peek(), arrow.text == ">" {
                parseWire(host, words: &words, line: line, kind: "deliver")
            } else {
                parseCall(host, words: &words, line: line, hostColumn: first.column)
            }
        case "drop", "duplicate", "reorder", "inject":
            guard let hostWord = words.next(), let host = HostID(rawValue: String(hostWord.text)) else {
                return error(line, first.column, "'\(first.text)' needs a direction, as in '\(first.text) A > B'")
            }
            guard let arrow = words.peek(), arrow.text == ">" else {
                return error(line, hostWord.column, "expected '\(host) > \(host.peer)'")
            }
            parseWire(host, words: &words, line: line, kind: String(first.text))
        case "wait":
            guard let duration = words.next() else {
                return error(line, first.column, "'wait' needs a duration, as in 'wait 1s'")
            }
            guard let milliseconds = parseDuration(duration.text) else {
                return error(line, duration.column, "'\(duration.text)' is not a duration: use 250ms, 3s, 2min or 1h")
            }
            append(Step(line: line, action: .wait(milliseconds: milliseconds)))
        case "say":
            append(Step(line: line, action: .say))
        case "expect":
            parseExpect(&words, line: line, column: first.column)
        case "quiz":
            parseQuiz(&words, line: line, column: first.column)
        default:
            error(
                line, first.column,
                "unknown directive '\(first.text)': a step starts with A or B, drop, duplicate, reorder, inject, wait, say, expect or quiz"
            )
        }
    }

    mutating func append(_ step: Step) {
        var step = step
        if let quiz = pendingQuiz {
            if case .deliver = step.action {
                step.quiz = quiz
            } else if case .wait = step.action {
                step.quiz = quizOnWait(quiz)
            } else {
                error(pendingQuizLine, 1, "'quiz' must come right before a segment line such as 'A > B: S 0:0(0)'")
            }
            pendingQuiz = nil
        }
        steps.append(step)
    }

    mutating func parseCall(_ host: HostID, words: inout Words, line: Int, hostColumn: Int) {
        guard let verb = words.next() else {
            return error(
                line, hostColumn, "what does \(host) do? e.g. '\(host) connect' or '\(host) > \(host.peer): S 0:0(0)'")
        }
        let call: UserCall
        switch verb.text {
        case "listen": call = .listen
        case "connect": call = .connect
        case "shutdown": call = .shutdown
        case "close": call = .close
        case "abort": call = .abort
        case "send", "read":
            let count = words.next()
            var bytes: UInt32?
            if let count {
                guard let value = UInt32(count.text), value > 0 else {
                    return error(line, count.column, "'\(count.text)' is not a byte count (1 to 4294967295)")
                }
                bytes = value
            }
            if verb.text == "send" {
                guard let bytes else {
                    return error(line, verb.column, "'send' needs a byte count, as in '\(host) send 100'")
                }
                // `send 100 more`: MSG_MORE, the bytes wait for the next call (a FIN can ride on them).
                if let more = words.peek(), more.text == "more" {
                    _ = words.next()
                    call = .sendMore(bytes)
                } else {
                    call = .send(bytes)
                }
            } else {
                call = .read(bytes)
            }
        default:
            return error(
                line, verb.column,
                "unknown call '\(verb.text)': use listen, connect, send N, read [N], shutdown, close or abort")
        }
        if let extra = words.next() {
            return error(line, extra.column, "unexpected '\(extra.text)' after '\(verb.text)'")
        }
        append(Step(line: line, action: .call(host, call)))
    }

    /// `A > B`, `A > B: <segment>` after a wire verb (deliver, drop, duplicate, reorder, inject).
    mutating func parseWire(_ host: HostID, words: inout Words, line: Int, kind: String) {
        _ = words.next()  // ">"
        let message = "expected '\(host) > \(host.peer)': segments go from one host to the other"
        guard let target = words.next() else { return error(line, words.column, message) }
        guard target.text == host.peer.rawValue || target.text == "\(host.peer.rawValue):" else {
            return error(line, target.column, message)
        }
        var pattern: SegmentPattern?
        var patternColumn = 0
        let rest = words.rest
        if target.text.hasSuffix(":") || rest.text.hasPrefix(":") {
            let text = rest.text.hasPrefix(":") ? rest.text.dropFirst() : rest.text
            let offset = rest.text.count - text.count
            let leading = text.prefix { $0 == " " }.count
            patternColumn = rest.column + offset + leading
            do {
                pattern = try SegmentPattern(notation: text)
            } catch {
                return self.error(line, patternColumn + error.column, error.message)
            }
        } else if !rest.text.isEmpty {
            return error(line, rest.column, "expected ':' and a segment after '\(host) > \(host.peer)'")
        }
        switch kind {
        case "deliver": append(Step(line: line, action: .deliver(host, pattern, column: patternColumn)))
        case "drop": append(Step(line: line, action: .drop(host, pattern, column: patternColumn)))
        case "duplicate": append(Step(line: line, action: .duplicate(host, pattern, column: patternColumn)))
        case "reorder":
            if pattern != nil { return error(line, patternColumn, "'reorder' takes no segment") }
            append(Step(line: line, action: .reorder(host)))
        default:  // inject
            guard let pattern, let seq = pattern.seq else {
                return error(
                    line, max(patternColumn, 1), "'inject' needs a whole segment, as in 'inject A > B: S 90:90(0)'")
            }
            let segment = Segment(
                flags: pattern.flags, seq: seq, ack: pattern.ack, window: pattern.window ?? 65535,
                payloadLength: pattern.payloadLength ?? 0)
            append(Step(line: line, action: .inject(host, segment)))
        }
    }

    mutating func parseExpect(_ words: inout Words, line: Int, column: Int) {
        guard !steps.isEmpty else {
            return error(line, column, "'expect' checks the step before it; there is none yet")
        }
        let rest = words.rest
        if rest.text.trimmingSpaces() == "wire empty" {
            steps[steps.count - 1].checks.append(StepCheck(line: line, expectation: .wireEmpty(column: rest.column)))
            return
        }
        var sawOne = false
        var offset = rest.column
        for part in rest.text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += part.count + 1 }
            var inner = Words(part, column: offset)
            guard let hostWord = inner.next(), let host = HostID(rawValue: String(hostWord.text)) else {
                return error(
                    line, offset, "expected 'A STATE' or 'B STATE', as in 'expect A ESTABLISHED, B SYN_RECEIVED'")
            }
            guard let stateWord = inner.next() else {
                return error(line, hostWord.column, "which state is \(host) in?")
            }
            guard let state = ConnectionState(spelling: String(stateWord.text)) else {
                return error(line, stateWord.column, "unknown state '\(stateWord.text)'")
            }
            steps[steps.count - 1].checks.append(
                StepCheck(line: line, expectation: .state(host, state, column: stateWord.column)))
            sawOne = true
        }
        if !sawOne { error(line, column, "'expect' needs states or 'wire empty'") }
    }

    mutating func parseQuiz(_ words: inout Words, line: Int, column: Int) {
        var fields: [QuizField] = []
        var measure: TimeMeasure?
        while let word = words.next() {
            if word.text == "until" || word.text == "since" {
                measure = parseTimeMeasure(first: word, rest: &words, fields: fields, line: line)
                break
            }
            guard let field = QuizField(rawValue: String(word.text)) else {
                return error(
                    line, word.column,
                    "unknown quiz field '\(word.text)': use \(QuizField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if !fields.contains(field) { fields.append(field) }
        }
        if fields.isEmpty { return error(line, column, "'quiz' needs the fields to ask, as in 'quiz flags seq ack'") }
        if pendingQuiz != nil { error(line, column, "two 'quiz' lines in a row") }
        pendingQuiz = QuizPoint(fields: fields, line: line)
        pendingQuiz?.measure = measure
        pendingQuizLine = line
    }
}

/// Splits a directive into words, keeping each word's 1-based column.
struct Words {
    let text: Substring
    var index: Substring.Index
    let baseColumn: Int

    init(_ text: Substring, column: Int) {
        self.text = text
        self.index = text.startIndex
        self.baseColumn = column
    }

    var column: Int { baseColumn + text.distance(from: text.startIndex, to: index) }

    mutating func skipSpaces() {
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
    }

    func peek() -> (text: Substring, column: Int)? {
        var copy = self
        return copy.next()
    }

    mutating func next() -> (text: Substring, column: Int)? {
        skipSpaces()
        guard index < text.endIndex else { return nil }
        let start = index
        let startColumn = column
        if text[index] == ">" {
            index = text.index(after: index)
            return (text[start..<index], startColumn)
        }
        while index < text.endIndex, text[index] != " ", text[index] != "\t", text[index] != ">" {
            index = text.index(after: index)
            if text[text.index(before: index)] == ":" { break }
        }
        return (text[start..<index], startColumn)
    }

    /// Everything not yet read, from the next non-space character.
    var rest: (text: Substring, column: Int) {
        var copy = self
        copy.skipSpaces()
        return (text[copy.index...], copy.column)
    }
}

/// `250ms`, `3s`, `2min`, `1h` in milliseconds.
func parseDuration(_ text: Substring) -> UInt64? {
    let units: [(String, UInt64)] = [("ms", 1), ("min", 60_000), ("s", 1_000), ("h", 3_600_000)]
    for (suffix, scale) in units where text.hasSuffix(suffix) {
        guard let value = UInt64(text.dropLast(suffix.count)) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : product
    }
    return nil
}
