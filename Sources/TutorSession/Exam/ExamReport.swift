/// Something the grader found in a log.
public struct ExamIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// Worth knowing; the grade stands.
        case note
        /// The log cannot be trusted as it is (edited, another student's, another exam's).
        case broken
    }

    public var severity: Severity
    public var text: String

    public var description: String { text }
}

/// Where a student's exam stands, as the grades CSV says it.
public enum ExamStatus: String, Hashable, Sendable {
    /// Every question answered.
    case ok
    /// The time ran out before every question was answered: the unanswered ones count 0.
    case timeUp = "time up"
    /// The log ends before the last question and before the time ran out: the student left (or the program
    /// stopped) and did not come back.
    case incomplete
    /// An empty log: the student opened the exam and left at the start screen.
    case notStarted = "not started"
    /// The log cannot be trusted (edited, another student's, another exam's, two different logs): no points.
    case broken
}

/// One student's graded exam.
public struct StudentResult: Hashable, Sendable {
    public var student: String
    public var parameters: ExamParameters?
    public var questionCount: Int = 0
    /// Feedback per answered question number, computed by the grader.
    public var feedback: [Int: QuizFeedback] = [:]
    public var possible: Int = 0
    /// The points each question is worth, by question number (also for questions left unanswered).
    public var possibleByQuestion: [Int: Int] = [:]
    public var finished = false
    /// Whether the log holds the exam's start (false for an empty log).
    public var begun = true
    /// Answers the clock submitted when the time ran out.
    public var clockSubmitted = 0
    public var resumes = 0
    /// Milliseconds from the start to the last record.
    public var elapsed: Int64 = 0
    public var issues: [ExamIssue] = []

    public init(student: String, issues: [ExamIssue] = []) {
        self.student = student
        self.issues = issues
    }

    public var total: Int { feedback.values.reduce(0) { $0 + $1.score.points } }

    public func points(question number: Int) -> Int? { feedback[number]?.score.points }

    public var status: ExamStatus {
        if issues.contains(where: { $0.severity == .broken }) { return .broken }
        if !begun { return .notStarted }
        if feedback.count == questionCount && questionCount > 0 { return .ok }
        // The exam writes its finish record before the last answer only when the time is up.
        return finished ? .timeUp : .incomplete
    }
}

/// The class's results: a CSV with one row per student, and a summary per question and per quiz point.
public struct ExamReport: Hashable, Sendable {
    public var students: [StudentResult]
    /// The exam's number of questions as the instructor gives it (`exam grade --questions N`): the CSV has at
    /// least these columns even when no log can be read.
    public var expectedQuestions: Int

    public init(students: [StudentResult], expectedQuestions: Int = 0) {
        self.students = students
        self.expectedQuestions = expectedQuestions
    }

    /// The question columns: the exam's number of questions, from the logs' start records (also of broken
    /// logs) or from the instructor, whichever is more.
    public var questionColumns: Int { max(expectedQuestions, students.map(\.questionCount).max() ?? 0) }

    /// Students whose logs are broken.
    public var broken: [StudentResult] { students.filter { $0.status == .broken } }

    /// `student,status,q1,…,qN,total,max,minutes,issues`; an unanswered question counts 0, a question the
    /// student did not have is left empty, and so are the points and total of a broken log (they are not
    /// grades: the issues column says why).
    public var csv: String {
        let columns = questionColumns
        var header = ["student", "status"] + (0..<columns).map { "q\($0 + 1)" }
        header += ["total", "max", "minutes", "issues"]
        var lines = [header.map(Self.csvField).joined(separator: ",")]
        for student in students {
            let graded = student.status != .broken
            var row = [student.student, student.status.rawValue]
            for number in (0..<columns).map({ $0 + 1 }) {
                let asked = graded && number <= student.questionCount
                row.append(asked ? String(student.points(question: number) ?? 0) : "")
            }
            row += [
                graded ? String(student.total) : "", String(student.possible),
                Self.decimal(Double(student.elapsed) / 60_000),
                student.issues.map(\.text).joined(separator: "; "),
            ]
            lines.append(row.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary's three groups of rows, in this order, each named in the first column: one row per
    /// question number (`question,q3`), per quiz point (`quiz point,three-way-handshake:14`) and per lesson
    /// (`lesson,three-way-handshake`). Each row: how many were asked it, answered it, got it all right, the
    /// mean points, and how often each kind of field was right. Broken logs are left out.
    public var summaryCSV: String {
        var lines = ["group,name,asked,answered,all_right,mean_points,max_points,sender,flags,seq,ack,len,state"]
        var byNumber: [Int: [QuizFeedback?]] = [:]
        var byPoint: [String: [QuizFeedback?]] = [:]
        var byLesson: [String: [QuizFeedback?]] = [:]
        var possibleByNumber: [Int: Int] = [:]
        var possibleByPoint: [String: Int] = [:]
        var possibleByLesson: [String: Int] = [:]
        for student in students where student.status != .broken {
            for number in (0..<student.questionCount).map({ $0 + 1 }) {
                byNumber[number, default: []].append(student.feedback[number])
                if let worth = student.possibleByQuestion[number] {
                    possibleByNumber[number] = max(possibleByNumber[number] ?? 0, worth)
                }
                if let feedback = student.feedback[number] {
                    let point = "\(feedback.lessonID):\(feedback.line)"
                    byPoint[point, default: []].append(feedback)
                    byLesson[feedback.lessonID, default: []].append(feedback)
                    possibleByPoint[point] = feedback.score.possible
                    possibleByLesson[feedback.lessonID] = max(
                        possibleByLesson[feedback.lessonID] ?? 0, feedback.score.possible)
                }
            }
        }
        for number in byNumber.keys.sorted() {
            lines.append(
                Self.summaryLine(
                    "question", "q\(number)", byNumber[number]!, possible: possibleByNumber[number] ?? 0))
        }
        for point in byPoint.keys.sorted() {
            lines.append(Self.summaryLine("quiz point", point, byPoint[point]!, possible: possibleByPoint[point] ?? 0))
        }
        for lesson in byLesson.keys.sorted() {
            lines.append(
                Self.summaryLine("lesson", lesson, byLesson[lesson]!, possible: possibleByLesson[lesson] ?? 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func summaryLine(_ group: String, _ name: String, _ results: [QuizFeedback?], possible: Int) -> String {
        let answered = results.compactMap { $0 }
        let allRight = answered.filter(\.isAllCorrect).count
        let points = answered.reduce(0) { $0 + $1.score.points }
        let mean = results.isEmpty ? "" : decimal(Double(points) / Double(results.count))
        var cells = [
            group, name, String(results.count), String(answered.count), String(allRight), mean, String(possible),
        ]
        for kind in QuestionKind.allCases {
            let fields = answered.flatMap(\.fields).filter { $0.field == kind }
            cells.append(fields.isEmpty ? "" : "\(fields.filter(\.isCorrect).count)/\(fields.count)")
        }
        return cells.map(csvField).joined(separator: ",")
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Two decimals, without Foundation's locale.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
