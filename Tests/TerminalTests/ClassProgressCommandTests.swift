import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession
import TutorStorage

/// `tcptutor class progress` on a store it did not see made: the books it finds, a book it cannot read, and a
/// folder with no store at all.
struct ClassProgressCommandTests {
    static func progress(_ data: String, _ options: [String] = []) throws -> TutorProgram.Result {
        try TutorProgram.run(["class", "progress", "--data", data, "--lesson-folder", Curriculum.path] + options)
    }

    @Test func aQuizScoreAndACompletedLessonAreListedAndPrintedAsCSV() throws {
        let folder = try TemporaryFolder.make("class-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteClassStore(directory: folder.path)
        var book = ProgressBook()
        let score = try JSONDecoder().decode(
            QuizScore.self, from: Data(#"{"points": 5, "possible": 6, "answered": 3, "questions": 3}"#.utf8))
        book.lessons["three-way-handshake"] = LessonProgress(step: 8, stepCount: 9, completed: true, score: score)
        book.lessons["a-lesson-since-removed"] = LessonProgress(step: 0, stepCount: 4)
        try store.saveProgress(ProgressBookFormat.encode(book), student: "ada", at: 1_000)
        try store.recordLogin(student: "bob", at: 2_000, detail: "saved nothing")

        let plain = try Self.progress(folder.path)
        #expect(plain.status == 0, "\(plain.text)")
        let lines = plain.output.split(separator: "\n").map(String.init)
        let ada = try #require(lines.firstIndex(of: "Progress of ada:"))
        let bob = try #require(lines.firstIndex(of: "Progress of bob:"))
        #expect(ada < bob)
        let handshake = lines[ada..<bob].first { $0.contains("(three-way-handshake)") }
        #expect(handshake?.hasSuffix(": step 9 of 9, completed, quiz \(score.text(.en))") == true, "\(plain.output)")
        #expect(lines[ada..<bob].contains("  a-lesson-since-removed: step 1 of 4"), "a lesson the folder no longer has")
        #expect(lines[bob...].contains { $0.contains("(three-way-handshake): not started") })

        let csv = try Self.progress(folder.path, ["--csv"])
        #expect(csv.status == 0, "\(csv.text)")
        let rows = csv.output.split(separator: "\n").map(String.init)
        #expect(rows.contains("ada,three-way-handshake,9,9,yes,5,6,3,3"), "\(csv.output)")
        #expect(rows.contains("ada,a-lesson-since-removed,1,4,no,,,,"))
        #expect(rows.contains("bob,three-way-handshake,,,no,,,,"))
        #expect(
            rows.count == 1 + Curriculum.files.count * 2 + 1,
            "a header, a row per student and lesson of the path, and the lesson since removed")
    }

    @Test func aBookThatCannotBeReadIsNamedAndTheOthersListed() throws {
        let folder = try TemporaryFolder.make("class-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteClassStore(directory: folder.path)
        try store.saveProgress(Array("{ not a book".utf8), student: "ada", at: 1_000)
        try store.saveProgress(ProgressBookFormat.encode(ProgressBook()), student: "bob", at: 1_000)
        let result = try Self.progress(folder.path)
        #expect(result.status == 1)
        #expect(result.errors.contains("ada's progress book cannot be read: it is not a valid progress file"))
        #expect(result.errors.contains("1 of 2 progress books cannot be read: ada"), "\(result.errors)")
        #expect(result.output.contains("Progress of bob:") && !result.output.contains("Progress of ada:"))
    }

    @Test func aFolderWithNoStoreIsToldSoAndLeftAsItWas() throws {
        let folder = try TemporaryFolder.make("class-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.progress(folder.path)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("holds no class store (class.sqlite): no class was served there"), "\(result.text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no store is made")
    }
}
