/// Reads a message's fields from a payload; every read names the field, so a bad frame is reported as
/// "the 'exam answer' frame ends inside its point" rather than as an offset.
struct PayloadReader {
    private let bytes: [UInt8]
    private var position = 0
    /// The message being read, for errors.
    private let message: String

    init(_ bytes: [UInt8], message: String) {
        self.bytes = bytes
        self.message = message
    }

    private mutating func take(_ count: Int, _ field: String) throws(FrameError) -> ArraySlice<UInt8> {
        guard count <= bytes.count - position else {
            throw FrameError("the '\(message)' frame ends inside its \(field)")
        }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func uint8(_ field: String) throws(FrameError) -> UInt8 { try take(1, field).first! }

    mutating func bool(_ field: String) throws(FrameError) -> Bool {
        switch try uint8(field) {
        case 0: return false
        case 1: return true
        case let other: throw FrameError("the '\(message)' frame has \(other) for its \(field), not 0 or 1")
        }
    }

    mutating func uint32(_ field: String) throws(FrameError) -> UInt32 {
        try take(4, field).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int64(_ field: String) throws(FrameError) -> Int64 {
        Int64(bitPattern: try take(8, field).reduce(0) { $0 << 8 | UInt64($1) })
    }

    mutating func data(_ field: String) throws(FrameError) -> [UInt8] {
        let count = try uint32("\(field)'s length")
        guard count <= bytes.count - position else {
            throw FrameError(
                "the '\(message)' frame says its \(field) has \(count) bytes; \(bytes.count - position) are left")
        }
        return Array(try take(Int(count), field))
    }

    mutating func string(_ field: String) throws(FrameError) -> String {
        let utf8 = try data(field)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw FrameError("the '\(message)' frame's \(field) is not UTF-8 text")
        }
        return text
    }

    /// A field map: names must be distinct (one typed text per answer field).
    mutating func fields(_ field: String) throws(FrameError) -> [String: String] {
        let count = try uint32("number of \(field)")
        // Each entry takes at least eight bytes (two lengths): a count past that is a lie, not an allocation.
        guard Int(count) <= (bytes.count - position) / 8 else {
            throw FrameError("the '\(message)' frame says it has \(count) \(field); it cannot hold that many")
        }
        var result: [String: String] = [:]
        for _ in 0..<count {
            let name = try string("\(field) name")
            let text = try string("\(field) text")
            guard result.updateValue(text, forKey: name) == nil else {
                throw FrameError("the '\(message)' frame names the field '\(name)' twice")
            }
        }
        return result
    }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - position }

    /// Every byte must have been read: a longer payload is another version's or garbage.
    func finish() throws(FrameError) {
        guard position == bytes.count else {
            throw FrameError("the '\(message)' frame has \(bytes.count - position) bytes after its last field")
        }
    }
}

extension ClassMessage {
    /// Reads one message from a frame's type and payload (the header already checked).
    static func decode(type byte: UInt8, payload: [UInt8]) throws(FrameError) -> ClassMessage {
        guard let type = MessageType(rawValue: byte) else {
            throw FrameError("unknown message type \(byte) in a frame of version \(FrameFormat.version)")
        }
        var reader = PayloadReader(payload, message: type.name)
        let message: ClassMessage
        switch type {
        case .hello:
            let student = try reader.string("student id")
            let modeByte = try reader.uint8("mode")
            guard let mode = ClassMode(rawValue: modeByte) else {
                throw FrameError("the 'hello' frame has the unknown mode \(modeByte)")
            }
            let language = try reader.string("language")
            let lesson = try reader.string("lesson")
            let book = try reader.data("progress book")
            let exam = try reader.bool("exam flag") ? try reader.resume() : nil
            message = .hello(
                Hello(student: student, mode: mode, language: language, lesson: lesson, book: book, exam: exam))
        case .examStarted:
            message = .examStarted(request: try reader.uint32("request number"), try reader.clock())
        case .examResumed:
            message = .examResumed(request: try reader.uint32("request number"), try reader.resume())
        case .saved: message = .saved(request: try reader.uint32("request number"))
        case .committed: message = .committed(request: try reader.uint32("request number"))
        case .refused:
            message = .refused(request: try reader.uint32("request number"), reason: try reader.string("reason"))
        case .followStep:
            message = .followStep(
                lessonID: try reader.string("lesson id"), position: try reader.uint32("position"),
                revealed: try reader.bool("revealed flag"))
        case .classroom: message = .classroom(students: try reader.uint32("number of students"))
        case .studentAnswer:
            message = .studentAnswer(
                student: try reader.string("student id"), position: try reader.uint32("position"),
                fields: try reader.fields("fields"))
        case .classEnding: message = .classEnding(reason: try reader.string("reason"))
        case .saveProgress:
            message = .saveProgress(
                request: try reader.uint32("request number"), book: try reader.data("progress book"))
        case .beginExam:
            message = .beginExam(
                request: try reader.uint32("request number"), settings: try reader.string("settings"),
                fingerprint: try reader.string("fingerprint"))
        case .examAnswer:
            message = .examAnswer(request: try reader.uint32("request number"), try reader.answer())
        case .finishExam:
            message = .finishExam(request: try reader.uint32("request number"), timeUp: try reader.bool("time-up flag"))
        case .classAnswer:
            message = .classAnswer(position: try reader.uint32("position"), fields: try reader.fields("fields"))
        case .presenterStep:
            message = .presenterStep(
                lessonID: try reader.string("lesson id"), position: try reader.uint32("position"),
                revealed: try reader.bool("revealed flag"))
        case .bye: message = .bye(reason: try reader.string("reason"))
        }
        try reader.finish()
        return message
    }
}

extension PayloadReader {
    fileprivate mutating func clock() throws(FrameError) -> ExamClock {
        ExamClock(
            settings: try string("settings"), startedAt: try int64("start time"), deadline: try int64("deadline"),
            serverNow: try int64("server time"))
    }

    fileprivate mutating func resume() throws(FrameError) -> ExamResume {
        let clock = try clock()
        let finished = try bool("finished flag")
        let count = try uint32("number of answers")
        // Each answer takes at least 17 bytes: a count past what is left is refused before anything is made.
        guard Int(count) <= remaining / 17 else {
            throw FrameError("the '\(message)' frame says it has \(count) answers; it cannot hold that many")
        }
        var answers: [ExamAnswer] = []
        for _ in 0..<count { answers.append(try answer()) }
        return ExamResume(clock: clock, answers: answers, finished: finished)
    }

    fileprivate mutating func answer() throws(FrameError) -> ExamAnswer {
        let question = try uint32("question number")
        guard question >= 1 else { throw FrameError("an answer is to question 0; questions count from 1") }
        return ExamAnswer(
            question: question, point: try string("point"), fields: try fields("fields"),
            timeUp: try bool("time-up flag"))
    }
}
