import LessonKit

/// Grades exam logs: regenerates each student's exam from the key and their id, checks the log's hash chain
/// and contents, and grades the logged answers with the engine. Nothing the client wrote is taken as a score.
public struct ExamGrader<Lessons: ExamLessonSource> {
    public var key: ExamKey
    public var lessons: Lessons
    public var scoring: ScoringModel

    public init(key: ExamKey, lessons: Lessons, scoring: ScoringModel = .standard) {
        self.key = key
        self.lessons = lessons
        self.scoring = scoring
    }

    /// Every collected log graded; then a student with more than one log, and settings that differ from the
    /// class's, flagged. `expectedQuestions` is the exam's number of questions when the instructor gives it: the
    /// CSV's columns.
    public func grade(logs: [CollectedExamLog], expectedQuestions: Int = 0) -> ExamReport {
        var report = report(Self.oneLogPerStudent(logs.map { ($0, grade($0)) }))
        report.expectedQuestions = expectedQuestions
        return report
    }

    /// A student whose log is in two places (two folders collected, or `ALICE.examlog` beside `alice.examlog`):
    /// identical copies count once, with a note; different logs are all marked broken, since which one is the
    /// student's cannot be told.
    static func oneLogPerStudent(_ graded: [(log: CollectedExamLog, result: StudentResult)]) -> [StudentResult] {
        var positions: [String: [Int]] = [:]
        for (index, entry) in graded.enumerated() { positions[entry.result.student, default: []].append(index) }
        var results = graded.map(\.result)
        var dropped: Set<Int> = []
        for (student, indices) in positions where indices.count > 1 {
            let paths = indices.map { graded[$0].log.path }
            let contents = indices.map { try? graded[$0].log.bytes.get() }
            if let first = contents[0], contents.allSatisfy({ $0 == first }) {
                results[indices[0]].issues.append(
                    ExamIssue(
                        severity: .note,
                        text: "the same log is also in \(paths.dropFirst().joined(separator: ", ")); counted once"))
                dropped.formUnion(indices.dropFirst())
            } else {
                for index in indices {
                    results[index].issues.append(
                        ExamIssue(
                            severity: .broken,
                            text: "student '\(student)' has \(indices.count) different logs: "
                                + paths.joined(separator: ", ")))
                }
            }
        }
        return results.indices.filter { !dropped.contains($0) }.map { results[$0] }
    }

    /// One collected log; the file's name gives the student (case folded: `ALICE.examlog` is alice's).
    public func grade(_ log: CollectedExamLog) -> StudentResult {
        let name = StudentID.canonical(log.fileStudent)
        switch log.bytes {
        case .success(let bytes): return grade(log: ExamLogCodec.read(bytes), fileStudent: name)
        case .failure(let error):
            return StudentResult(student: name, issues: [ExamIssue(severity: .broken, text: "\(error)")])
        }
    }

    /// One log's verified contents; `fileStudent` is the id the file is named after.
    public func grade(log contents: ExamLogCodec.Contents, fileStudent: String) -> StudentResult {
        let fileStudent = StudentID.canonical(fileStudent)
        var result = StudentResult(student: fileStudent)
        if contents.records.isEmpty, contents.problem == nil {
            // Created at the start screen and left there (or killed before the start record was written).
            result.begun = false
            result.issues.append(ExamIssue(severity: .note, text: "the exam was never begun (the log is empty)"))
            return result
        }
        if contents.tornTail {
            result.issues.append(ExamIssue(severity: .note, text: "a half-written last record was ignored"))
        }
        if let problem = contents.problem {
            result.issues.append(ExamIssue(severity: .broken, text: "log \(problem); later records ignored"))
        }
        guard let start = contents.records.first, let header = start.start else {
            result.issues.append(ExamIssue(severity: .broken, text: "no start record"))
            return result
        }
        if StudentID.canonical(start.student) != fileStudent {
            result.issues.append(
                ExamIssue(severity: .broken, text: "the log is for student '\(start.student)', not '\(fileStudent)'"))
            return result
        }
        result.parameters = header.parameters
        // The columns are the exam's even when the exam cannot be regenerated.
        result.questionCount = header.parameters.questionCount
        let blueprint: ExamBlueprint
        let questions: [ExamQuestion]
        do {
            let pool = try lessons.pool(header.parameters.lessons)
            blueprint = try ExamBlueprint.derive(
                key: key, studentID: fileStudent, parameters: header.parameters, pool: pool)
            questions = try ExamQuestion.all(blueprint, lessons: lessons)
        } catch {
            result.issues.append(ExamIssue(severity: .broken, text: "cannot regenerate the exam: \(error)"))
            return result
        }
        if blueprint.fingerprint != header.fingerprint {
            result.issues.append(
                ExamIssue(
                    severity: .broken,
                    text: "the log was not written for the exam this key gives this student (fingerprint differs)"))
        }
        result.questionCount = questions.count
        for question in questions {
            result.possibleByQuestion[question.plan.number] = question.quiz.fields.reduce(0) {
                $0 + scoring.points(for: $1)
            }
        }
        result.possible = result.possibleByQuestion.values.reduce(0, +)
        let deadline = start.time + header.parameters.milliseconds
        var lastTime = start.time
        for record in contents.records.dropFirst() {
            if record.time < lastTime {
                result.issues.append(ExamIssue(severity: .note, text: "the clock went back at record \(record.index)"))
            }
            lastTime = max(lastTime, record.time)
            result.elapsed = max(result.elapsed, record.time - start.time)
            switch record.kind {
            case .start: continue
            case .resume: result.resumes += 1
            case .finish: result.finished = true
            case .answer:
                guard let answer = record.answer else { continue }
                guard questions.indices.contains(answer.question - 1),
                    questions[answer.question - 1].plan.point.id == answer.point
                else {
                    result.issues.append(
                        ExamIssue(
                            severity: .broken,
                            text:
                                "record \(record.index) answers an unknown question \(answer.question) (\(answer.point))"
                        ))
                    continue
                }
                guard result.feedback[answer.question] == nil else {
                    result.issues.append(
                        ExamIssue(
                            severity: .note, text: "question \(answer.question) answered again; first answer kept"))
                    continue
                }
                // An answer the clock submitted is written a moment after the deadline, by design.
                let lateness = answer.timeUp == true ? ExamParameters.timeUpGraceMilliseconds : 0
                guard record.time <= deadline + lateness else {
                    result.issues.append(
                        ExamIssue(
                            severity: .note, text: "question \(answer.question) answered after the time; not counted"))
                    continue
                }
                if answer.timeUp == true { result.clockSubmitted += 1 }
                result.feedback[answer.question] = questions[answer.question - 1].grade(answer.typed, scoring: scoring)
            }
        }
        return result
    }

    /// The class report; a student whose exam settings differ from most others' is flagged.
    func report(_ students: [StudentResult]) -> ExamReport {
        var students = students
        var counts: [ExamParameters: Int] = [:]
        for student in students { if let parameters = student.parameters { counts[parameters, default: 0] += 1 } }
        if let usual = counts.max(by: { $0.value < $1.value })?.key, counts.count > 1 {
            for index in students.indices where students[index].parameters.map({ $0 != usual }) == true {
                students[index].issues.append(
                    ExamIssue(severity: .note, text: "exam settings differ from the rest of the class"))
            }
        }
        return ExamReport(students: students)
    }
}
