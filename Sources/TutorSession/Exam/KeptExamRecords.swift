extension ExamLogCodec.Contents {
    /// The records of an exam that a class server keeps in its store rather than in a log file: its start,
    /// each answer at the time it was committed (in that order), and its finish. The grader and `ExamSitting`
    /// read them as they read a log's. The records are numbered but not chained: the store, not a hash chain,
    /// is what keeps them from being edited.
    public static func kept(
        student: String, start: ExamLogRecord.Start, startedAt: Int64,
        answers: [(time: Int64, answer: ExamLogRecord.Answer)], finishedAt: Int64?
    ) -> ExamLogCodec.Contents {
        var entries = [ExamLogEntry(kind: .start, student: student, time: startedAt, start: start)]
        for (time, answer) in answers {
            entries.append(ExamLogEntry(kind: .answer, student: student, time: time, answer: answer))
        }
        if let finishedAt { entries.append(ExamLogEntry(kind: .finish, student: student, time: finishedAt)) }
        var contents = ExamLogCodec.Contents.empty
        for entry in entries { contents.records.append(contents.record(for: entry)) }
        return contents
    }
}

extension ExamLogRecord.Answer {
    /// An answer as a class server keeps it: the typed text by field name.
    public init(question: Int, point: String, fieldNames: [String: String], timeUp: Bool) {
        self.init(question: question, point: point, fields: [:], timeUp: timeUp)
        fields = fieldNames
    }
}

extension ExamParameters {
    /// The settings as one string, `LESSONS:QUESTIONS:MINUTES` (`three-way-handshake,four-way-teardown:5:30`),
    /// as `class serve --exam` takes them and the class link and store carry them.
    public var settingsText: String { "\(lessons.joined(separator: ",")):\(questionCount):\(minutesText)" }

    /// Reads `LESSONS:QUESTIONS:MINUTES`, checked as any exam's settings are.
    public init(settingsText text: String) throws(ExamError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let questions = Int(parts[1]), let minutes = Double(parts[2]) else {
            throw ExamError.badParameters(
                "'\(text)' is not exam settings: write LESSONS:QUESTIONS:MINUTES, as handshake,close:5:30")
        }
        self.init(
            lessons: parts[0].split(separator: ",").map(String.init), questionCount: questions, minutes: minutes)
        try validate()
    }
}
