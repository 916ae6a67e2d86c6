import Foundation
import TCPTutorTestSupport
import Testing

@testable import ClassStore

#if canImport(Glibc)
    import Glibc
#endif

/// The store as a class uses it: a server killed with SIGKILL while answers stream in, and several writers at
/// once (two connections in one process, two processes).
@Suite("Class store: kill -9 and concurrent writers")
struct CrashAndConcurrencyTests {
    @Test("classStoreChildWriter: the writer the other tests run in a child process")
    func classStoreChildWriter() throws {
        if let setting = ProcessInfo.processInfo.environment[StoreChildProcess.variable],
            let task = StoreChildProcess.Task(setting: setting)
        {
            try StoreChildProcess.run(task) { question in
                FileHandle.standardOutput.write(Data("COMMITTED \(question)\n".utf8))
            }
            return
        }
        let folder = try TemporaryFolder.make("tcptutor-class-store")
        var reported: [Int] = []
        try StoreChildProcess.run(.init(folder: folder.path, student: "ada", count: 3)) { reported.append($0) }
        try StoreChildProcess.run(.init(folder: folder.path, student: "ada", count: 2)) { reported.append($0) }
        #expect(reported == [1, 2, 3, 4, 5], "the second run resumes after the answers kept")
    }

    @Test("kill -9 while answers stream in: every answer reported committed is there, the sitting resumes")
    func killNine() throws {
        let folder = try TemporaryFolder.make("tcptutor-class-store")
        var committed = 0
        for round in 0..<4 {
            var child = try StoreChildProcess.start(.init(folder: folder.path, student: "ada", count: nil))
            let target = committed + 5 + Int.random(in: 0...20)
            committed = StoreChildProcess.readReports(&child) { $0 >= target }
            #expect(committed >= target, "round \(round): the child stopped early")
            usleep(UInt32.random(in: 0...5_000))
            kill(child.process.processIdentifier, SIGKILL)
            child.process.waitUntilExit()
            #expect(child.process.terminationReason == .uncaughtSignal)

            let store = try SQLiteClassStore(directory: folder.path)
            let kept = try #require(try store.sitting(student: "ada", settings: StoreFixtures.settings))
            let questions = kept.answers.map { Int($0.answer.question) }
            #expect(questions.count >= committed, "round \(round): an answer reported committed is missing")
            #expect(questions == Array(1...questions.count), "round \(round): answers are whole and in order")
            #expect(kept.answers.map(\.position) == Array(0..<questions.count))
            #expect(
                kept.answers.map(\.answer).allSatisfy {
                    $0.fields["seq"] == "\($0.question)" && $0.fields["flags"]?.count == 200
                })
            committed = questions.count
        }
        print("class store kill -9: 4 rounds, \(committed) answers kept")
    }

    @Test("two connections in one process and a second process write at once; nothing is lost or doubled")
    func concurrentWriters() throws {
        let (first, folder) = try StoreFixtures.store()
        let second = try SQLiteClassStore(directory: folder.path)
        var child = try StoreChildProcess.start(.init(folder: folder.path, student: "carol", count: 150))
        let perWriter = 150
        let group = DispatchGroup()
        for (store, student) in [(first, "ada"), (second, "bob")] {
            DispatchQueue.global().async(group: group) {
                do {
                    let id = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request(student)))
                    for question in 1...perWriter {
                        try store.recordLogin(student: student, at: StoreFixtures.start + Int64(question), detail: "")
                        _ = try store.commitAnswer(
                            StoreFixtures.answer(question), sitting: id, at: StoreFixtures.start + 5)
                    }
                } catch {
                    Issue.record("\(student): \(error)")
                }
            }
        }
        group.wait()
        let childCommitted = StoreChildProcess.readReports(&child) { _ in false }
        child.process.waitUntilExit()
        #expect(child.process.terminationStatus == 0)
        #expect(childCommitted == perWriter)

        let summaries = try first.sittingSummaries()
        #expect(summaries.map(\.sitting.student) == ["ada", "bob", "carol"])
        #expect(summaries.map(\.answered) == [perWriter, perWriter, perWriter])
        for state in try second.sittingsForGrading() {
            #expect(state.answers.map { Int($0.answer.question) } == Array(1...perWriter))
        }
        let events = try first.events(after: 0, limit: 10_000)
        #expect(events.filter { $0.kind == .answer }.count == 3 * perWriter)
        #expect(events.filter { $0.kind == .login }.count == 2 * perWriter)
        #expect(Set(events.map(\.id)).count == events.count)
    }
}
