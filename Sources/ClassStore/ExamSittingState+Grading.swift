import TutorSession

extension ExamSittingState {
    /// The sitting as the records of an exam log, for `ExamGrader.grade(log:fileStudent:)`: its start (the
    /// settings as `parameters`, which the caller reads from the settings text, and the fingerprint), each answer
    /// at the server's time it was committed, in that order, and its finish. The grader then regenerates the
    /// exam from the key and the student's id and grades the answers with the engine, as for a log file.
    public func examLog(parameters: ExamParameters) -> ExamLogCodec.Contents {
        var contents = ExamLogCodec.Contents.empty
        let start = ExamLogRecord.Start(version: 1, parameters: parameters, fingerprint: sitting.fingerprint)
        var entries = [ExamLogEntry(kind: .start, student: sitting.student, time: sitting.startedAt, start: start)]
        for answer in answers {
            var logged = ExamLogRecord.Answer(question: answer.question, point: answer.point, fields: [:])
            logged.fields = answer.fields
            logged.timeUp = answer.timeUp ? true : nil
            entries.append(
                ExamLogEntry(kind: .answer, student: sitting.student, time: answer.committedAt, answer: logged))
        }
        if sitting.status == .finished, let finishedAt = sitting.finishedAt {
            entries.append(ExamLogEntry(kind: .finish, student: sitting.student, time: finishedAt))
        }
        for entry in entries { contents.records.append(contents.record(for: entry)) }
        return contents
    }
}
