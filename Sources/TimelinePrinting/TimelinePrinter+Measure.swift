import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// A quiz point in `run`'s output, with what a `time` question measures (`quiz time until A CLOSED`): the moments
/// and the engine's interval between them.
extension TimelinePrinter {
    /// The JSON line of a quiz point, put before the step it asks about.
    func quizJSON(_ quiz: QuizPoint, step: JSONValue) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string("quiz")), ("step", step), ("fields", .array(quiz.fields.map { .string($0.rawValue) })),
        ]
        if let measure = quiz.measure {
            pairs.append(
                (
                    "measure",
                    .object([
                        ("until", .string(Self.momentName(measure.until))),
                        ("since", .string(Self.momentName(measure.since))),
                        ("question", .string(measure.question(language))),
                        ("start", .double(Double(measure.start) / 1000)), ("end", .double(Double(measure.end) / 1000)),
                        ("ms", .int(Int64(measure.elapsed))),
                    ])
                ))
        }
        return .object(pairs)
    }

    /// The text after a quiz line's fields: "how long after A's connect() does this segment leave: 100 ms".
    func measureText(_ quiz: QuizPoint) -> String {
        guard let measure = quiz.measure else { return "" }
        let separator = language == .en ? " — " : "——"
        let colon = language == .en ? ": " : "："
        return separator + measure.question(language) + colon + durationText(measure.elapsed)
    }

    /// `4 min` in English, `4 分钟` in Chinese: the text output speaks the chosen language throughout.
    public func durationText(_ milliseconds: UInt64) -> String {
        let text = AnswerParser.durationText(milliseconds)
        guard language == .zh else { return text }
        let units = ["ms": "毫秒", "s": "秒", "min": "分钟", "h": "小时"]
        return text.split(separator: " ").map { units[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// A moment as the lesson writes it: `sent`, `arrival`, `segment before`, `A connect`, `A CLOSED`.
    static func momentName(_ moment: TimeMeasure.Moment) -> String {
        switch moment {
        case .sent: "sent"
        case .arrival: "arrival"
        case .previousSegment: "segment before"
        case .call(let host, let verb): "\(host) \(verb)"
        case .state(let host, let state): "\(host) \(state)"
        }
    }
}
