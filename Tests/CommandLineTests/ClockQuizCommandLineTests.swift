import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineKit

/// `tcptutor quiz --plain` and `tcptutor run --seed` on the ISN-clock lesson, as a user runs them.
@Suite("Command line: a clock lesson's quiz and fresh runs")
struct ClockQuizCommandLineTests {
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
            let output = try TutorProgram.run(arguments, input: "1\nq\n").text
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
            let output = try TutorProgram.run(["run", "initial-sequence-numbers", "--seed", String(seed)]).text
            #expect(output.contains("so the ISN is 1 + \(clock.ticks) × 64000 = \(clock.value)."), "\(output)")
            #expect(output.contains("S \(clock.value):\(clock.value)(0)"))
        }
        let refused = try TutorProgram.run(["run", "initial-sequence-numbers", "--isn", "A=5,B=7"]).text
        #expect(refused.contains("A's ISN in this lesson is a clock"), "\(refused)")
    }
}
