import ClassLink
import TutorSession

extension ExamSittingState {
    /// The sitting as the records of an exam log, for `ExamGrader.grade(log:fileStudent:)`: its start (the
    /// settings as `parameters`, read from the settings text, and the fingerprint), each answer at the server's
    /// time it was committed, in that order, and its finish. The grader then regenerates the exam from the key
    /// and the student's id and grades the answers with the engine, as for a log file.
    public func examLog(parameters: ExamParameters) -> ExamLogCodec.Contents {
        ExamLogCodec.Contents.kept(
            student: sitting.student,
            start: ExamLogRecord.Start(version: 1, parameters: parameters, fingerprint: sitting.fingerprint),
            startedAt: sitting.startedAt,
            answers: answers.map { stored in
                let answer = stored.answer
                return (
                    stored.committedAt,
                    ExamLogRecord.Answer(
                        question: Int(answer.question), point: answer.point, fieldNames: answer.fields,
                        timeUp: answer.timeUp)
                )
            },
            finishedAt: sitting.status == .finished ? sitting.finishedAt : nil)
    }
}
