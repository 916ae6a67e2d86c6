import Foundation
import LessonKit
import Testing
import TimelineKit

/// `tcptutor quiz --plain` and `tcptutor run --seed` on the ISN-clock lesson, as a user runs them.
@Suite("Command line: a clock lesson's quiz and fresh runs")
struct ClockQuizCommandLineTests {
    /// Runs the program with its own progress folder, so that no test touches the user's scores.
    static func run(_ arguments: [String], input: String) throws -> String {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("tcptutor-clock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.root
        process.environment = ["XDG_STATE_HOME": state.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = standardInput
        try process.run()
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Lesson 3's clock for A as `quiz --seed N` draws it for the first opening (nil: the lesson's own).
    static func clock(seed: UInt64?) throws -> ClockReading {
        let lesson = try Curriculum.lesson(id: "initial-sequence-numbers")
        let run = seed.map { LessonRunner.run(lesson, fresh: FreshDraw.seeded($0)) } ?? LessonRunner.run(lesson)
        return try #require(run.timeline.clocks[.a])
    }

    @Test("the plain quiz asks with the clock's setting, not the ISN, and answers with the clock's arithmetic")
    func plainQuizCarriesTheSetting() throws {
        for (seed, language) in [(nil, "en"), (UInt64(5), "en"), (UInt64(17), "zh")] as [(UInt64?, String)] {
            let clock = try Self.clock(seed: seed)
            var arguments = ["quiz", "initial-sequence-numbers", "--plain", "--lang", language]
            if let seed { arguments += ["--seed", String(seed)] }
            let output = try Self.run(arguments, input: "1\nq\n")
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let promptIndex = try #require(
                lines.firstIndex { $0.hasPrefix(language == "zh" ? "序列号" : "seq (") }, "\(output)")
            let prompt = lines[promptIndex]
            #expect(!prompt.contains(String(clock.value)), "\(prompt)")
            #expect(
                prompt.contains(language == "zh" ? "已开机\(clock.minutes)分钟" : "booted \(clock.minutes) minutes ago"),
                "\(prompt)")
            #expect(output.contains("1 + \(clock.ticks) × 64000 = \(clock.value)"), "\(output)")
            let before = lines[...promptIndex].joined(separator: "\n")
            #expect(!before.contains(String(clock.value)), "the ISN shows before the answer:\n\(before)")
        }
    }

    @Test("run --seed moves lesson 3's clocks: the narration's sum is the clock's; --isn on a clock is refused")
    func runWithSeeds() throws {
        for seed in [UInt64(2), 33] {
            let clock = try Self.clock(seed: seed)
            let output = try Self.run(["run", "initial-sequence-numbers", "--seed", String(seed)], input: "")
            #expect(output.contains("so the ISN is 1 + \(clock.ticks) × 64000 = \(clock.value)."), "\(output)")
            #expect(output.contains("S \(clock.value):\(clock.value)(0)"))
        }
        let refused = try Self.run(["run", "initial-sequence-numbers", "--isn", "A=5,B=7"], input: "")
        #expect(refused.contains("A's ISN in this lesson is a clock"), "\(refused)")
    }
}
