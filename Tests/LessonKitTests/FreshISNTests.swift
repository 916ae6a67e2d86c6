import LessonKit
import TCPCore
import Testing
import TimelineKit

/// `fresh:` in a lesson's header: how `--seed`, fresh quizzes and exams draw the lesson's ISNs.
@Suite("Fresh ISNs follow the lesson's fresh: header")
struct FreshISNTests {
    static func lesson(isn: String, fresh: String?) throws(LessonErrors) -> Lesson {
        let text = """
            id: fresh
            title: T
            title.zh: T
            summary: S
            summary.zh: S
            hosts: A 10.0.0.1:1000, B 10.0.0.2:80
            isn: \(isn)
            \(fresh.map { "fresh: \($0)" } ?? "")
            B listen
            A connect
            A > B
            B > A
            """
        return try LessonParser.parse(text, file: "fresh.lesson")
    }

    static let draws = (UInt64(1)...300).map(FreshDraw.seeded)

    @Test("by default any 32-bit number, the same a seed gave before lessons could say otherwise")
    func randomByDefault() throws {
        let lesson = try Self.lesson(isn: "A 100, B 300", fresh: nil)
        #expect(lesson.fresh == .random)
        for draw in Self.draws {
            #expect(
                lesson.freshISN(draw) == [
                    .a: .fixed(UInt32(truncatingIfNeeded: draw.a)), .b: .fixed(UInt32(truncatingIfNeeded: draw.b)),
                ])
        }
        let values = Set(Self.draws.map { LessonRunner.run(lesson, fresh: $0).timeline.isn.a.rawValue })
        #expect(values.count == Self.draws.count)
    }

    @Test("clock: the ISN stays a value of the same clock, booted at another moment; a fixed ISN is drawn")
    func clockKeepsTheClock() throws {
        let lesson = try Self.lesson(isn: "A bsd-clock 38min +7 connections, B rfc9293 10s key k", fresh: "clock")
        var minutes: Set<UInt64> = []
        for draw in Self.draws {
            let run = LessonRunner.run(lesson, fresh: draw)
            #expect(run.diagnostics.isEmpty)
            let a = try #require(run.timeline.clocks[.a])
            let b = try #require(run.timeline.clocks[.b])
            guard case .bsdClock(let milliseconds, let connections) = a.source,
                case .rfc9293(let seconds, let key) = b.source
            else {
                Issue.record("the clocks changed kind: \(a.source), \(b.source)")
                continue
            }
            #expect(connections == 7 && key == "k")
            #expect(milliseconds % 60_000 == 0 && (1...540).contains(milliseconds / 60_000))
            #expect(seconds % 1000 == 0)
            // 1 + ticks × 64000 + 7 × 64000, below 2^32: no wrap for the narration to explain.
            #expect(UInt64(a.value) == 1 + (milliseconds / 500 + 7) * 64_000)
            #expect(run.timeline.isn.a.rawValue == a.value && run.timeline.isn.b.rawValue == b.value)
            minutes.insert(a.minutes)
        }
        #expect(minutes.count > 100, "seeds boot the clock at many moments")
        let mixed = try Self.lesson(isn: "A bsd-clock 38min, B 300", fresh: "clock")
        #expect(Set(Self.draws.map { LessonRunner.run(mixed, fresh: $0).timeline.isn.b.rawValue }).count > 250)
    }

    @Test("near-wrap: every ISN within the last 1,000 numbers below 2^32, never 2^32 − 1 itself")
    func nearWrapStaysNearTheWrap() throws {
        let lesson = try Self.lesson(isn: "A 4294967295, B 4294967000", fresh: "near-wrap")
        var seen: Set<UInt32> = []
        for draw in Self.draws + [FreshDraw(a: 0, b: .max), FreshDraw(a: 998, b: 999)] {
            for isn in LessonRunner.run(lesson, fresh: draw).timeline.isn.values {
                #expect((4_294_966_296...4_294_967_294).contains(isn.rawValue), "\(isn.rawValue)")
                seen.insert(isn.rawValue)
            }
        }
        #expect(seen.count > 400)
        #expect(seen.contains(4_294_966_296) && seen.contains(4_294_967_294))
    }

    @Test("no: the declared ISNs under any draw")
    func noKeepsTheDeclaredISNs() throws {
        let lesson = try Self.lesson(isn: "A bsd-clock 38min, B 300", fresh: "no")
        for draw in Self.draws.prefix(20) {
            #expect(LessonRunner.run(lesson, fresh: draw).timeline.isn == lesson.declaredISN)
        }
    }

    @Test("a wrong fresh: value, or fresh: clock without a clock, is an error at its place")
    func headerErrors() throws {
        #expect(throws: LessonErrors.self) { try Self.lesson(isn: "A 1, B 2", fresh: "sometimes") }
        do {
            _ = try Self.lesson(isn: "A 1, B 2", fresh: "sometimes")
        } catch {
            #expect(error.description == "fresh.lesson:8:8: 'fresh' is one of 'random', 'clock', 'near-wrap', 'no'")
        }
        do {
            _ = try Self.lesson(isn: "A 1, B 2", fresh: "clock")
            Issue.record("fresh: clock without a clock was accepted")
        } catch {
            #expect(error.description.contains("fresh.lesson:8:8: 'fresh: clock' needs an ISN clock"))
        }
    }

    @Test("clock placeholders: filled from the clock in use; refused for a host without one or without fresh: clock")
    func clockPlaceholders() throws {
        let base = try Self.lesson(isn: "A bsd-clock 38min +2 connections, B 300", fresh: "clock")
        var lesson = base
        lesson.steps[1].narration = LocalizedText(
            en:
                "{A.clock.minutes} min, {A.clock.ticks} ticks, {A.clock.connections} before, {A.clock.previous} then {A.iss}",
            zh: "{A.clock.minutes}")
        #expect(LessonLinter.lint(lesson).isEmpty)
        let run = LessonRunner.run(lesson, fresh: FreshDraw.seeded(9))
        let clock = try #require(run.timeline.clocks[.a])
        #expect(
            run.timeline.frames[2].narration?.en
                == "\(clock.minutes) min, \(clock.minutes * 120) ticks, 2 before, \(clock.value - 64_000) then \(clock.value)"
        )
        lesson.steps[1].narration = LocalizedText(en: "{B.clock.minutes} {A.clock.hash}", zh: "x")
        #expect(
            LessonLinter.lint(lesson).map(\.message) == [
                "{B.clock.minutes}: B's ISN is not a clock",
                "{A.clock.hash}: this clock has {A.clock.connections}, {A.clock.minutes}, {A.clock.previous}, {A.clock.seconds}, {A.clock.ticks}",
            ])
        lesson.fresh = .random
        lesson.steps[1].narration = LocalizedText(en: "{A.clock.minutes}", zh: "x")
        #expect(
            LessonLinter.lint(lesson).map(\.message) == [
                "{A.clock.minutes}: fresh ISNs would not be clock values: add 'fresh: clock' to the header"
            ])
    }

    @Test("the clock's arithmetic, as feedback shows it: computed, with the result or a '?'")
    func clockArithmetic() throws {
        let a = HostAddress(address: "10.0.0.1", port: 1)
        let b = HostAddress(address: "10.0.0.2", port: 2)
        let bsd = try #require(ClockReading(.bsdClock(milliseconds: 38 * 60_000, connections: 0), local: a, remote: b))
        #expect(bsd.arithmetic() == "1 + 4560 × 64000 = 291840001")
        #expect(bsd.arithmetic(showResult: false) == "1 + 4560 × 64000 = ?")
        #expect(bsd.setting.en.contains("booted 38 minutes ago, no connection opened since"))
        let later = try #require(ClockReading(.bsdClock(milliseconds: 7_200_000, connections: 7), local: a, remote: b))
        #expect(later.arithmetic() == "1 + 14400 × 64000 + 7 × 64000 = 922048001")
        #expect(later.previous == 921_984_001)
        #expect(ClockReading(.fixed(5), local: a, remote: b) == nil)
    }
}
