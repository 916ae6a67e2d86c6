import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

/// Every number a lesson's narration states stays true under fresh ISNs (TEACHING.md rule 13): each lesson is run
/// with its own ISNs and with the draws of seeds 1…50 (as `--seed`, `quiz --fresh` and exams draw them), and every
/// number of four or more digits in its narration, in both languages, must be one the run's timeline holds.
@Suite("Narrated numbers are the engine's numbers under fresh ISNs")
struct NarrationNumbersTests {
    static let seeds = Array(UInt64(1)...50)

    @Test(arguments: Curriculum.fileNames)
    func everyNarratedNumberIsInTheTimeline(_ file: String) throws {
        let lesson = try Curriculum.lesson(file: file)
        // "file step N (line L) language: number" → the runs that show it.
        var problems: [String: [String]] = [:]
        let runs = [LessonRunner.run(lesson)] + Self.seeds.map { LessonRunner.run(lesson, fresh: FreshDraw.seeded($0)) }
        for (index, run) in runs.enumerated() {
            #expect(run.diagnostics.isEmpty, "\(file): \(run.diagnostics.map(\.description))")
            let known = NarratedNumbers.known(in: run.timeline)
            let seed = index == 0 ? "its own ISNs" : "seed \(index)"
            for frame in run.timeline.frames {
                guard let narration = frame.narration else { continue }
                for language in Language.allCases {
                    for number in NarratedNumbers.checked(in: narration.text(language)) where !known.contains(number) {
                        problems[
                            "\(file) step \(frame.index) (line \(frame.origin.number)) \(language): \(number)",
                            default: []
                        ]
                        .append(seed)
                    }
                }
            }
        }
        let report = problems.keys.sorted().map { "\($0), with \(problems[$0]!.prefix(3).joined(separator: ", "))…" }
        let clean = problems.isEmpty
        #expect(clean, "narration states numbers the timeline does not hold:\n\(report.joined(separator: "\n"))")
    }

    @Test("the checker finds typed numbers, and lets through quotations, RFC numbers, years and placeholders' values")
    func checkerSeesTypedNumbers() throws {
        let text = """
            ISN 291840001, RFC 9293 and RFC 5961, in 1994, "S 3626544836:3626544836" and “ack 1739326487”, \
            seq 4294967001:205, 3 bytes
            """
        #expect(NarratedNumbers.checked(in: text) == [291_840_001, 4_294_967_001])
        let typed = """
            quiz seq
            A > B: S 291840001:291840001(0)
              en: With this clock: 1 + 4560 × 64000 = 291840001.
              zh: 按本课的时钟：1 + 4560 × 64000 = 291840001。
            """
        let lesson = try LessonParser.parse(Self.clockLesson + typed, file: "typed.lesson")
        let run = LessonRunner.run(lesson, fresh: FreshDraw.seeded(3))
        let known = NarratedNumbers.known(in: run.timeline)
        let narrated = try #require(run.timeline.frames.last?.narration?.en)
        #expect(NarratedNumbers.checked(in: narrated).filter { !known.contains($0) } == [4560, 291_840_001])
        let computed = """
            quiz seq
            A > B: S 291840001:291840001(0)
              en: With this clock: 1 + {A.clock.ticks} × 64000 = {A.iss}.
              zh: 按本课的时钟：1 + {A.clock.ticks} × 64000 = {A.iss}。
            """
        let fixed = LessonRunner.run(
            try LessonParser.parse(Self.clockLesson + computed, file: "computed.lesson"), fresh: FreshDraw.seeded(3))
        let filled = try #require(fixed.timeline.frames.last?.narration?.en)
        #expect(NarratedNumbers.checked(in: filled).allSatisfy(NarratedNumbers.known(in: fixed.timeline).contains))
        #expect(!filled.contains("291840001"), "seed 3 boots the clock at another moment: \(filled)")
    }

    static let clockLesson = """
        id: clock
        title: T
        title.zh: T
        summary: S
        summary.zh: S
        hosts: A 10.0.0.1:1000, B 10.0.0.2:80
        isn: A bsd-clock 38min, B 300
        fresh: clock
        B listen
        A connect

        """
}

/// What the narration check reads and accepts.
enum NarratedNumbers {
    /// Constants a lesson may state as they are: 4.4BSD's step, 2^32 − 1 and 2^32 (the ends of sequence space).
    static let constants: Set<UInt64> = [UInt64(ISNClock.bsdStep), 4_294_967_295, 4_294_967_296]

    /// The numbers of four or more digits in `text` that must come from the timeline. Left out: a number in
    /// quotation marks (a quotation of another text, such as the source text's capture), the number of an RFC,
    /// and a year (1970 to 2029: the history lessons tell).
    static func checked(in text: String) -> [UInt64] {
        var numbers: [UInt64] = []
        var quoted = false
        var digits = ""
        var before = ""
        func flush() {
            defer { digits = "" }
            guard digits.count >= 4, !quoted, let value = UInt64(digits) else { return }
            if before.hasSuffix("RFC ") || before.hasSuffix("RFC") { return }
            if digits.count == 4, (1970...2029).contains(value) { return }
            numbers.append(value)
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            flush()
            if character == "\"" { quoted.toggle() }
            if character == "“" { quoted = true }
            if character == "”" { quoted = false }
            before = String((before + String(character)).suffix(4))
        }
        flush()
        return numbers
    }

    /// Every number the timeline holds: ISNs, ports, each segment's seq, ack, end, length and window, each host's
    /// TCB, times, the clocks behind the ISNs, and (in a relative lesson) the same numbers relative to each ISN.
    static func known(in timeline: Timeline) -> Set<UInt64> {
        var numbers: Set<UInt64> = constants
        func add(_ value: SequenceNumber) { numbers.insert(UInt64(value.rawValue)) }
        for host in HostID.allCases {
            add(timeline.isn[host])
            numbers.insert(UInt64(timeline.hosts[host].port))
            if let clock = timeline.clocks[host] {
                numbers.formUnion([UInt64(clock.value), clock.minutes, clock.seconds, clock.ticks, clock.milliseconds])
                for value in [clock.connections, clock.previous, clock.hash].compactMap({ $0 }) {
                    numbers.insert(UInt64(value))
                }
            }
        }
        for frame in timeline.frames {
            numbers.insert(frame.time)
            if case .wait(let milliseconds) = frame.event { numbers.insert(milliseconds) }
            for event in [frame.wire].compactMap({ $0 }) + frame.emitted + frame.inFlight {
                let segment = event.segment
                add(segment.seq)
                add(segment.ackNumber)
                add(segment.nextSeq)
                add(segment.dataEnd)
                numbers.formUnion([UInt64(segment.window), UInt64(segment.payloadLength)])
            }
            for snapshot in frame.hosts.values {
                numbers.insert(UInt64(snapshot.unreadBytes))
                guard let tcb = snapshot.tcb else { continue }
                [tcb.iss, tcb.sndUna, tcb.sndNxt, tcb.rcvNxt].forEach(add)
                if let irs = tcb.irs { add(irs) }
                numbers.formUnion([UInt64(tcb.sndWnd), UInt64(tcb.rcvWnd)])
            }
        }
        if timeline.numbering == .relative {
            let absolute = numbers
            for host in HostID.allCases {
                let isn = timeline.isn[host]
                for value in absolute where value <= UInt64(UInt32.max) {
                    numbers.insert(UInt64(UInt32(value) &- isn.rawValue))
                }
            }
        }
        return numbers
    }
}
