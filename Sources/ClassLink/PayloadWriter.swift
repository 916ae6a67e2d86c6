/// Writes a message's fields into a payload, in the encoding `FrameFormat` describes.
struct PayloadWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint8(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func int64(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> shift)) }
    }

    mutating func data(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        bytes += value
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }

    /// Fields in name order, so that one message always has one encoding.
    mutating func fields(_ value: [String: String]) {
        uint32(UInt32(value.count))
        for name in value.keys.sorted() {
            string(name)
            string(value[name]!)
        }
    }
}

extension ClassMessage {
    /// The whole frame: header and payload.
    public func frame() -> [UInt8] {
        let (type, payload) = encodedPayload()
        precondition(payload.count <= FrameFormat.maximumPayload, "a class link message is larger than a frame")
        var header = PayloadWriter()
        header.uint8(FrameFormat.magic[0])
        header.uint8(FrameFormat.magic[1])
        header.uint8(FrameFormat.version)
        header.uint8(type.rawValue)
        header.uint32(UInt32(payload.count))
        return header.bytes + payload
    }

    private func encodedPayload() -> (MessageType, [UInt8]) {
        var writer = PayloadWriter()
        let type: MessageType
        switch self {
        case .hello(let hello):
            type = .hello
            writer.string(hello.student)
            writer.uint8(hello.mode.rawValue)
            writer.string(hello.language)
            writer.string(hello.lesson)
            writer.data(hello.book)
            writer.bool(hello.exam != nil)
            if let exam = hello.exam { writer.resume(exam) }
        case .examStarted(let request, let clock):
            type = .examStarted
            writer.uint32(request)
            writer.clock(clock)
        case .examResumed(let request, let resume):
            type = .examResumed
            writer.uint32(request)
            writer.resume(resume)
        case .saved(let request):
            type = .saved
            writer.uint32(request)
        case .committed(let request):
            type = .committed
            writer.uint32(request)
        case .refused(let request, let reason):
            type = .refused
            writer.uint32(request)
            writer.string(reason)
        case .followStep(let lessonID, let position, let revealed):
            type = .followStep
            writer.step(lessonID, position, revealed)
        case .classroom(let students):
            type = .classroom
            writer.uint32(students)
        case .studentAnswer(let student, let position, let fields):
            type = .studentAnswer
            writer.string(student)
            writer.uint32(position)
            writer.fields(fields)
        case .classEnding(let reason):
            type = .classEnding
            writer.string(reason)
        case .saveProgress(let request, let book):
            type = .saveProgress
            writer.uint32(request)
            writer.data(book)
        case .beginExam(let request, let settings, let fingerprint):
            type = .beginExam
            writer.uint32(request)
            writer.string(settings)
            writer.string(fingerprint)
        case .examAnswer(let request, let answer):
            type = .examAnswer
            writer.uint32(request)
            writer.answer(answer)
        case .finishExam(let request, let timeUp):
            type = .finishExam
            writer.uint32(request)
            writer.bool(timeUp)
        case .classAnswer(let position, let fields):
            type = .classAnswer
            writer.uint32(position)
            writer.fields(fields)
        case .presenterStep(let lessonID, let position, let revealed):
            type = .presenterStep
            writer.step(lessonID, position, revealed)
        case .bye(let reason):
            type = .bye
            writer.string(reason)
        }
        return (type, writer.bytes)
    }
}

extension PayloadWriter {
    /// A follow-mode step: the lesson, the stop, whether its answer is revealed.
    fileprivate mutating func step(_ lessonID: String, _ position: UInt32, _ revealed: Bool) {
        string(lessonID)
        uint32(position)
        bool(revealed)
    }

    fileprivate mutating func clock(_ clock: ExamClock) {
        string(clock.settings)
        int64(clock.startedAt)
        int64(clock.deadline)
        int64(clock.serverNow)
    }

    fileprivate mutating func resume(_ resume: ExamResume) {
        clock(resume.clock)
        bool(resume.finished)
        uint32(UInt32(resume.answers.count))
        for answer in resume.answers { self.answer(answer) }
    }

    fileprivate mutating func answer(_ answer: ExamAnswer) {
        uint32(answer.question)
        string(answer.point)
        fields(answer.fields)
        bool(answer.timeUp)
    }
}
