import ClassLink
import ClassStore
import Foundation
import Testing
import TutorUI

@testable import ClassServer

/// The instructor's screen during an exam, from a real store: each student's state, the ones who may need the
/// instructor first, and a class of 25 on an 80x24 terminal, in plain lines and in Chinese.
struct InstructorScreenTests {
    static let settings = "three-way-handshake,four-way-teardown:4:30"
    static let start: Int64 = 1_790_000_000_000
    static let minute: Int64 = 60_000
    /// The 4-question, 30-minute exam of `store`.
    static func watch(_ store: any ClassStore) -> ExamWatch {
        ExamWatch(
            store: store, settings: settings, lessons: "three-way-handshake, four-way-teardown", questionCount: 4,
            minutesText: "30")
    }

    /// A store in a folder of its own, removed by the caller.
    static func store() throws -> (SQLiteClassStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instructor-screen-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try SQLiteClassStore(directory: folder.path), folder)
    }

    /// Begins `student`'s sitting at `startedAt` and commits `answers` answers.
    static func sit(_ store: SQLiteClassStore, _ student: String, at startedAt: Int64 = start, answers: Int) throws
        -> Int64
    {
        let begin = try store.beginSitting(
            SittingRequest(
                student: student, settings: settings, fingerprint: "fp", startedAt: startedAt,
                deadline: startedAt + 30 * minute))
        guard case .started(let sitting) = begin else { throw ClassStoreError("\(student) began twice") }
        for question in 0..<answers {
            _ = try store.commitAnswer(
                ExamAnswer(question: UInt32(question + 1), point: "p:\(question)", fields: ["seq": "1"]),
                sitting: sitting.id, at: startedAt + Int64(question + 1) * 1_000)
        }
        return sitting.id
    }

    @Test func aStudentWhoLeftShowsTheLastAnswersTimeWholeAt80ColumnsWithTheLongestId() throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let longest = String(repeating: "a", count: StudentID.maximumLength)
        _ = try Self.sit(store, longest, answers: 2)
        let roll = ExamStanding.roll(
            summaries: try Self.watch(store).summaries(), connected: [], questions: 4, now: Self.start + Self.minute)
        var scroll = 0
        let lines = InstructorScreen(words: ServerWords(language: .en), size: (80, 24)).examLines(
            watch: Self.watch(store), standings: roll, problem: nil, ending: false, scroll: &scroll)
        let row = try #require(lines.first { $0.hasPrefix("  " + longest) }, "\(lines)")
        #expect(TextWidth.of(row) <= 80, "\(row)")
        #expect(row.hasSuffix("LEFT, last answer " + ServerWords.timeOfDay(Self.start + 2_000)), "\(row)")
    }

    @Test func eachStudentsStateComesFromTheStoreAndWhoMayNeedTheInstructorComesFirst() throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.sit(store, "ann", answers: 1)
        _ = try Self.sit(store, "ben", at: Self.start + Self.minute, answers: 3)
        let cat = try Self.sit(store, "cat", answers: 4)
        try store.finishSitting(cat, at: Self.start + 5_000, timeUp: false)
        let dan = try Self.sit(store, "dan", answers: 2)
        try store.finishSitting(dan, at: Self.start + 30 * Self.minute, timeUp: true)
        _ = try Self.sit(store, "eve", at: Self.start - 40 * Self.minute, answers: 1)
        let now = Self.start + 10 * Self.minute

        let roll = ExamStanding.roll(
            summaries: try Self.watch(store).summaries(), connected: ["ann", "ben", "cat", "fay", "fay"],
            questions: 4, now: now)
        // At the start screen, answering (least time left first), time up, finished.
        #expect(roll.map(\.student) == ["fay", "ann", "ben", "dan", "eve", "cat"])
        let state = Dictionary(uniqueKeysWithValues: roll.map { ($0.student, $0.state) })
        #expect(state["ann"] == .answering && state["ben"] == .answering)
        #expect(state["cat"] == .finished)
        #expect(state["dan"] == .timeUp, "the clock finished it with 2 of 4")
        #expect(state["eve"] == .timeUp, "its deadline passed while no one was there: over, though the store says open")
        #expect(state["fay"] == .notBegun && roll.first { $0.student == "fay" }?.sessions == 2)
        // Ann has less time left than Ben (who began a minute later): she comes first among those answering.
        #expect(roll.filter { $0.state == .answering }.map(\.student) == ["ann", "ben"])
        #expect(roll.first { $0.student == "ann" }?.remaining == 20 * Self.minute)

        // Ann's connection breaks: she left mid-exam, and comes first.
        let later = ExamStanding.roll(
            summaries: try Self.watch(store).summaries(), connected: ["ben"], questions: 4, now: now)
        #expect(later.first?.student == "ann" && later.first?.state == .left)
        #expect(!later.contains { $0.student == "fay" }, "a student who never began and went is not listed")
    }

    @Test func aClassOf25FitsAn80x24TerminalAndScrolls() throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var connected: [String] = []
        for number in 1...25 {
            let student = "pupil\(number < 10 ? "0" : "")\(number)"
            _ = try Self.sit(store, student, answers: number % 5)
            if number % 3 != 0 { connected.append(student) }
        }
        let roll = ExamStanding.roll(
            summaries: try Self.watch(store).summaries(), connected: connected, questions: 4,
            now: Self.start + 12 * Self.minute)
        let screen = InstructorScreen(words: ServerWords(language: .en), size: (80, 24))
        var scroll = 0
        var lines = screen.examLines(
            watch: Self.watch(store), standings: roll, problem: nil, ending: false, scroll: &scroll)
        #expect(lines.count <= 24)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 }, "\(lines.joined(separator: "\n"))")
        #expect(
            lines.contains { $0.hasPrefix("25 students, 17 connected: 6 left mid-exam, 14 answering, 5 finished") },
            "\(lines.joined(separator: "\n"))")
        let shown = try #require(lines.first { $0.contains("rows 1-") })
        #expect(shown.contains("of 25"))
        // The students who left come first; scrolled to the end, the finished ones.
        #expect(lines.first { $0.hasPrefix("  pupil") }?.contains("LEFT") == true)
        scroll = 1_000
        lines = screen.examLines(
            watch: Self.watch(store), standings: roll, problem: nil, ending: false, scroll: &scroll)
        #expect(lines.contains { $0.contains("of 25") && $0.contains("-25 of 25") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.last { $0.hasPrefix("  pupil") }?.contains("finished") == true)

        // Plain lines: every student, whole lines.
        var none = 0
        let plain = InstructorScreen(words: ServerWords(language: .en), size: nil).examLines(
            watch: Self.watch(store), standings: roll, problem: nil, ending: false, scroll: &none)
        #expect(plain.count(where: { $0.hasPrefix("  pupil") }) == 25)
        #expect(plain.last == "Enter: show again   q: leave (the class goes on)")
    }

    @Test func theScreenSpeaksChineseWhenTheInstructorsLangDoes() throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.sit(store, "ada", answers: 2)
        let roll = ExamStanding.roll(
            summaries: try Self.watch(store).summaries(), connected: ["ada"], questions: 4,
            now: Self.start + Self.minute)
        let words = ServerWords(lang: "zh_CN.UTF-8")
        #expect(words.language == .zh)
        #expect(ServerWords(lang: "en_US.UTF-8").language == .en && ServerWords(lang: nil).language == .en)
        var scroll = 0
        let lines = InstructorScreen(words: words, size: (80, 24)).examLines(
            watch: Self.watch(store), standings: roll, problem: nil, ending: true, scroll: &scroll)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("TCPTutor 课堂考试：4 题，30 分钟；"), "\(text)")
        #expect(text.contains("课程 three-way-handshake, four-way-teardown"), "\(text)")
        #expect(text.contains("1 名学生，1 人在线：1 人答题中"), "\(text)")
        let row = try #require(lines.first { $0.hasPrefix("  ada ") })
        #expect(row.contains("2/4") && row.contains("29:00") && row.contains("答题中"), "\(row)")
        #expect(lines.last == "课堂即将结束。")
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 })
    }

    @Test func arrowKeysAreReadEvenWhenASequenceComesCutInTwo() {
        var reader = KeyReader()
        #expect(reader.read(Array("j\u{1B}[".utf8)) == [.scroll(1)])
        #expect(reader.read(Array("A\u{1B}[6~".utf8)) == [.scroll(-1), .page(1)])
        #expect(reader.read(Array("\u{1B}OB\r".utf8)) == [.scroll(1), .again])
        #expect(reader.read([3]) == [.leave])
        #expect(reader.read(Array("\u{1B}[1;5Cq".utf8)) == [.leave], "an unknown sequence is skipped")
    }
}
