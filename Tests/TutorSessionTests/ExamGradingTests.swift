import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TutorStorage

@testable import TutorSession

@Suite("Exam grading: regenerate, verify, grade with the engine, report")
struct ExamGradingTests {
    let lessons = FixtureLessons()
    var grader: ExamGrader<FixtureLessons> { ExamGrader(key: ExamFixtures.key, lessons: lessons) }

    /// A class of three: one all right, one with the classic off-by-ones, one who stopped after two answers.
    func takeExams(in directory: URL) throws {
        let clock = ExamFixtures.ManualClock()
        let good = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "ada", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        try good.begin()
        while let question = good.currentQuestion {
            clock.advance(minutes: 1)
            _ = try good.submit(ExamFixtures.rightAnswer(question.quiz))
        }
        let sloppy = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "bob", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        try sloppy.begin()
        while let question = sloppy.currentQuestion {
            var typed = ExamFixtures.rightAnswer(question.quiz)
            if case .number(let ack) = question.quiz.expectedTypedAck { typed[.ack] = String(ack &- 1) }
            _ = try sloppy.submit(typed)
        }
        let quitter = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "cy", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        try quitter.begin()
        for _ in 0..<2 { _ = try quitter.submit(ExamFixtures.rightAnswer(try #require(quitter.currentQuestion).quiz)) }
    }

    @Test("each student's exam is regenerated and their answers graded by the engine; CSV and summary")
    func classReport() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.student) == ["ada", "bob", "cy"])
        let ada = report.students[0]
        #expect(ada.status == .ok && ada.total == ada.possible && ada.possible > 0 && ada.finished)
        #expect(ada.elapsed == 5 * 60_000)
        let bob = report.students[1]
        #expect(bob.status == .ok && bob.total < bob.possible)
        let bobMistakes = Set(bob.feedback.values.flatMap(\.fields).compactMap(\.mistake))
        #expect(!bobMistakes.isEmpty)
        #expect(bobMistakes.isSubset(of: [.synOccupiesOne, .finOccupiesOne, .lastByteInsteadOfNext, .offByOne]))
        #expect(
            bob.feedback.values.flatMap(\.fields).filter { $0.field == .ack && !$0.isCorrect }.allSatisfy {
                $0.mistake != nil
            })
        #expect(report.students[2].status == .incomplete && report.students[2].feedback.count == 2)

        let csv = report.csv.split(separator: "\n").map(String.init)
        #expect(csv[0] == "student,status,q1,q2,q3,q4,q5,total,max,minutes,issues")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("ada,ok,") && csv[1].hasSuffix(",\(ada.total),\(ada.possible),5.00,"))
        #expect(csv[3].hasPrefix("cy,incomplete,") && csv[3].contains(",0,0,0,"))

        let summary = report.summaryCSV.split(separator: "\n").map(String.init)
        #expect(
            summary[0] == "group,name,asked,answered,all_right,mean_points,max_points,sender,flags,seq,ack,len,state")
        #expect(summary[1].hasPrefix("question,q1,3,3,"))
        #expect(summary.contains { $0.hasPrefix("question,q5,3,2,1,") })
        // Three groups, each named, in order: questions, then quiz points, then lessons.
        let order = ["question", "quiz point", "lesson"]
        let groups = summary.dropFirst().map { order.firstIndex(of: String($0.prefix { $0 != "," })) }
        #expect(!groups.contains(nil) && groups == groups.sorted { $0! < $1! })
        #expect(groups.filter { $0 == 0 }.count == 5)
        #expect(summary.contains { $0.hasPrefix("quiz point,handshake:") })
        let lessonRows = summary.filter { $0.hasPrefix("lesson,") }
        #expect(!lessonRows.isEmpty)
        // Every answered question counts once in its lesson's row.
        let answeredInLessons = lessonRows.map { Int($0.split(separator: ",")[3])! }.reduce(0, +)
        #expect(answeredInLessons == 5 + 5 + 2)
    }

    @Test("scores written into the log by the client are ignored: only the answers count")
    func clientScoresIgnored() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let url = directory.appendingPathComponent("bob.examlog")
        let honest = grader.grade(file: url)
        var lines = try ExamLogFixtures.lines(url).filter { !$0.isEmpty }
        lines = lines.map { $0.replacingOccurrences(of: #""fields":"#, with: #""score":100,"points":9,"fields":"#) }
        let edited = ExamLogCodec.read(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(edited.problem?.line == 2, "the first record after the start is the first edited one")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let graded = grader.grade(file: url)
        #expect(graded.status == .broken)
        #expect(graded.total <= honest.total)
    }

    @Test("a re-chained log with a client score still gets the grade its answers earn")
    func rechainedScore() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let url = directory.appendingPathComponent("bob.examlog")
        let honest = grader.grade(file: url)
        let text = try ExamLogFixtures.lines(url).filter { !$0.isEmpty }.map {
            $0.replacingOccurrences(of: #""fields":"#, with: #""score":100,"fields":"#)
        }
        let records = try text.map { line -> ExamLogRecord in
            let json = line.drop { $0 != "," }.dropFirst(#","record":"#.count).dropLast()
            return try JSONDecoder().decode(ExamLogRecord.self, from: Data(json.utf8))
        }
        try ExamLogFixtures.rechain(records).write(to: url)
        let graded = grader.grade(file: url)
        #expect(graded.status == .ok)
        #expect(graded.total == honest.total && graded.total < graded.possible)
    }

    @Test("broken, foreign and forged logs are flagged")
    func brokenLogs() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let ada = directory.appendingPathComponent("ada.examlog")
        var records = try ExamLogFile.read(ada).records

        try FileManager.default.copyItem(at: ada, to: directory.appendingPathComponent("eve.examlog"))
        let copied = grader.grade(file: directory.appendingPathComponent("eve.examlog"))
        #expect(copied.status == .broken && copied.issues[0].text.contains("for student 'ada'"))

        var unknown = records
        unknown[3].answer?.question = 99
        try ExamLogFixtures.rechain(unknown).write(to: ada)
        let unknownResult = grader.grade(file: ada)
        #expect(unknownResult.status == .broken)
        #expect(unknownResult.issues.contains { $0.text.contains("unknown question 99") })

        var swapped = records
        swapped[3].answer?.point = "close:999"
        try ExamLogFixtures.rechain(swapped).write(to: ada)
        #expect(grader.grade(file: ada).issues.contains { $0.text.contains("unknown question") })

        try ExamLogFixtures.rechain(records).write(to: ada)
        let other = ExamGrader(key: ExamFixtures.otherKey, lessons: lessons).grade(file: ada)
        #expect(other.status == .broken && other.issues.contains { $0.text.contains("fingerprint") })

        records[4].time = records[0].time + 31 * 60_000
        try ExamLogFixtures.rechain(records).write(to: ada)
        let late = grader.grade(file: ada)
        #expect(late.issues.contains { $0.text.contains("after the time") })
        #expect(late.feedback.count == 4 && late.status == .timeUp)

        var lines = try ExamLogFixtures.lines(directory.appendingPathComponent("cy.examlog"))
        lines[1] = lines[1].replacingOccurrences(of: #""question":1"#, with: #""question":2"#)
        try lines.joined(separator: "\n").write(
            to: directory.appendingPathComponent("cy.examlog"), atomically: true, encoding: .utf8)
        let edited = grader.grade(file: directory.appendingPathComponent("cy.examlog"))
        #expect(edited.status == .broken && edited.feedback.isEmpty)
        #expect(edited.issues.contains { $0.text.contains("line 2") })
    }

    @Test("a student whose settings differ from the class is flagged; CSV cells are quoted")
    func settingsAndQuoting() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let odd = ExamParameters(lessons: ["close"], questionCount: 2, minutes: 30)
        let dan = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "dan", parameters: odd, lessons: lessons)
        try dan.begin()
        while let question = dan.currentQuestion { _ = try dan.submit(ExamFixtures.rightAnswer(question.quiz)) }
        let report = try grader.grade(directories: [directory])
        let row = try #require(report.students.first { $0.student == "dan" })
        #expect(row.status == .ok && row.issues.contains { $0.text.contains("differ from the rest") })
        #expect(report.csv.contains("dan,ok,"))
        #expect(ExamReport.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(ExamReport.decimal(2.5) == "2.50" && ExamReport.decimal(0.04) == "0.04")
    }
}

@Suite("Exam grading: statuses, broken rows, stable columns, one log per student")
struct ExamGradingReportTests {
    let lessons = FixtureLessons()
    var grader: ExamGrader<FixtureLessons> { ExamGrader(key: ExamFixtures.key, lessons: lessons) }

    /// A whole exam, every answer right.
    func sit(_ student: String, in directory: URL, clock: ExamFixtures.ManualClock = .init()) throws {
        let exam = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: student, parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        try exam.begin()
        while let question = exam.currentQuestion { _ = try exam.submit(ExamFixtures.rightAnswer(question.quiz)) }
    }

    @Test("the time ran out: 'time up', not 'incomplete'; a student who left early is 'incomplete'")
    func timeUpStatus() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        for student in ["late", "left"] {
            let exam = try LoggedSitting(
                directory: directory, key: ExamFixtures.key, studentID: student,
                parameters: ExamFixtures.parameters, lessons: lessons, clock: clock.read)
            try exam.begin()
            _ = try exam.submit(ExamFixtures.rightAnswer(try #require(exam.currentQuestion).quiz))
            if student == "late" {
                clock.advance(minutes: 31)
                #expect(throws: ExamError.timeUp) { try exam.submit([.seq: "1"]) }
            }
        }
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.student) == ["late", "left"])
        #expect(report.students.map(\.status) == [.timeUp, .incomplete])
        #expect(report.csv.contains("\nlate,time up,"))
    }

    @Test("an answer the clock submitted counts within a few seconds of the deadline; a late Enter does not")
    func timeUpGrace() throws {
        let directory = ExamFixtures.directory()
        let exam = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "ada", parameters: ExamFixtures.parameters,
            lessons: lessons)
        try exam.begin()
        _ = try exam.submit(ExamFixtures.rightAnswer(try #require(exam.currentQuestion).quiz))
        let second = try #require(exam.currentQuestion)
        let url = directory.appendingPathComponent("ada.examlog")
        let records = try ExamLogFile.read(url).records
        let deadline = records[0].time + ExamFixtures.parameters.milliseconds
        func graded(after milliseconds: Int64, byTheClock: Bool) throws -> StudentResult {
            let answer = ExamLogRecord.Answer(
                question: 2, point: second.plan.point.id, fields: ExamFixtures.rightAnswer(second.quiz),
                timeUp: byTheClock)
            let late = ExamLogRecord(
                index: 2, prev: "", time: deadline + milliseconds, kind: .answer, student: "ada", answer: answer)
            let finish = ExamLogRecord(
                index: 3, prev: "", time: deadline + milliseconds, kind: .finish, student: "ada")
            try ExamLogFixtures.rechain(records + [late, finish]).write(to: url)
            return grader.grade(file: url)
        }
        let clock = try graded(after: 3_000, byTheClock: true)
        #expect(clock.feedback.count == 2 && clock.clockSubmitted == 1 && clock.status == .timeUp)
        let tooLate = try graded(after: ExamParameters.timeUpGraceMilliseconds + 1, byTheClock: true)
        #expect(tooLate.feedback.count == 1 && tooLate.issues.contains { $0.text.contains("after the time") })
        let enter = try graded(after: 1_000, byTheClock: false)
        #expect(enter.feedback.count == 1 && enter.issues.contains { $0.text.contains("after the time") })
    }

    @Test("a broken log's points and total are left empty: they are not grades")
    func brokenRowsShowNoPoints() throws {
        let directory = ExamFixtures.directory()
        try sit("ada", in: directory)
        // An edit in the fourth record: the answers before it are still graded, but the log is broken.
        let url = directory.appendingPathComponent("ada.examlog")
        try ExamLogFixtures.edit(url, line: 3, replacing: #""question":3"#, with: #""question":4"#)
        let report = try grader.grade(directories: [directory])
        let ada = try #require(report.students.first)
        #expect(ada.status == .broken && !ada.feedback.isEmpty, "the answers were graded, yet the log is broken")
        let row = report.csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[0] == "ada" && row[1] == "broken")
        #expect(row[2...6].allSatisfy { $0.isEmpty }, "\(row)")
        #expect(row[7].isEmpty, "no total for a broken log")
        #expect(report.broken.map(\.student) == ["ada"])
    }

    @Test("the question columns stay q1…qN when every log is broken")
    func stableColumns() throws {
        let directory = ExamFixtures.directory()
        try sit("ada", in: directory)
        // Edited after the start record: the start still says how many questions the exam has.
        let url = directory.appendingPathComponent("ada.examlog")
        try ExamLogFixtures.edit(url, line: 2, replacing: #""question":2"#, with: #""question":3"#)
        // Nothing readable at all.
        try Data("not a log\n".utf8).write(to: directory.appendingPathComponent("bob.examlog"))
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.status) == [.broken, .broken])
        let header = "student,status,q1,q2,q3,q4,q5,total,max,minutes,issues"
        #expect(report.csv.hasPrefix(header + "\n"))
        // With no start record anywhere, the instructor's number of questions sets the columns.
        try FileManager.default.removeItem(at: url)
        #expect(try grader.grade(directories: [directory]).csv.hasPrefix("student,status,total,"))
        #expect(try grader.grade(directories: [directory], expectedQuestions: 5).csv.hasPrefix(header + "\n"))
    }

    @Test("the same student in two folders is reported; an identical copy counts once")
    func sameStudentTwice() throws {
        let first = ExamFixtures.directory()
        let second = ExamFixtures.directory()
        try sit("ada", in: first)
        try sit("bob", in: first)
        try FileManager.default.copyItem(
            at: first.appendingPathComponent("bob.examlog"), to: second.appendingPathComponent("bob.examlog"))
        // Ada sat again on another machine (another start time): two different logs.
        let clock = ExamFixtures.ManualClock(1_800_000_000_000)
        try sit("ADA", in: second, clock: clock)
        #expect(FileManager.default.fileExists(atPath: second.appendingPathComponent("ada.examlog").path))
        let report = try grader.grade(directories: [first, second])
        #expect(report.students.map(\.student) == ["ada", "bob", "ada"])
        let adas = report.students.filter { $0.student == "ada" }
        #expect(adas.allSatisfy { $0.status == .broken })
        #expect(adas.allSatisfy { $0.issues.contains { $0.text.contains("has 2 different logs") } })
        let bob = try #require(report.students.first { $0.student == "bob" })
        #expect(bob.status == .ok && bob.issues.contains { $0.text.contains("counted once") })
    }

    @Test("ids are case-folded in grading: ALICE.examlog is alice's exam")
    func caseFoldedFiles() throws {
        let directory = ExamFixtures.directory()
        try sit("alice", in: directory)
        try FileManager.default.moveItem(
            at: directory.appendingPathComponent("alice.examlog"), to: directory.appendingPathComponent("ALICE.examlog")
        )
        try Data().write(to: directory.appendingPathComponent("Alice.examlog"))
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.student) == ["alice", "alice"])
        #expect(report.students.allSatisfy { $0.status == .broken }, "one student, two different logs")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("Alice.examlog"))
        let alone = try grader.grade(directories: [directory])
        #expect(alone.students.map(\.student) == ["alice"] && alone.students[0].status == .ok)
    }

    @Test("an empty log (left at the start screen) is 'not started', not broken")
    func emptyLog() throws {
        let directory = ExamFixtures.directory()
        try Data().write(to: directory.appendingPathComponent("cy.examlog"))
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.status) == [.notStarted])
        #expect(report.broken.isEmpty)
    }
}

@Suite("Exams on the real lessons")
struct ExamCurriculumTests {
    let parameters = ExamParameters(
        lessons: ["three-way-handshake", "four-way-teardown", "sequence-wrap", "connection-refused"],
        questionCount: 8, minutes: 20)

    @Test("an exam drawn from the curriculum: fresh numbers per student, regenerated and graded by the engine")
    func curriculumExam() throws {
        let lessons = Curriculum.folder
        let directory = ExamFixtures.directory()
        var sat: [String: [QuizQuestion]] = [:]
        for student in ["s1", "s2"] {
            let exam = try LoggedSitting(
                directory: directory, key: ExamFixtures.key, studentID: student, parameters: parameters,
                lessons: lessons)
            try exam.begin()
            #expect(exam.questions.count == 8)
            sat[student] = exam.questions.map(\.quiz)
            while let question = exam.currentQuestion {
                _ = try exam.submit(ExamFixtures.rightAnswer(question.quiz))
            }
        }
        #expect(sat["s1"]!.map(\.segment.seq) != sat["s2"]!.map(\.segment.seq))
        let report = try ExamGrader(key: ExamFixtures.key, lessons: lessons).grade(directories: [directory])
        #expect(report.students.map(\.status) == [.ok, .ok])
        #expect(report.students.allSatisfy { $0.total == $0.possible && $0.possible > 0 })
        let again = try ExamBlueprint.derive(
            key: ExamFixtures.key, studentID: "s1", parameters: parameters, pool: lessons.pool(parameters.lessons))
        #expect(try ExamQuestion.all(again, lessons: lessons).map(\.quiz) == sat["s1"]!)
    }
}
