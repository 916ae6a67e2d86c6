import LessonKit
import TCPCore
import TutorSession
import TutorUI

// Throughput of the engine, printed as figures (run with `swift run -c release tcptutor-bench`).
// Not a test: timings vary by machine; the figures go into notes and DECISIONS.md.

/// Segments through `Endpoint.receive`: a bulk transfer where B acknowledges every data segment of A.
func segmentsPerSecond(segments: Int) -> (Rate, Int) {
    var a = Endpoint(initialSequenceNumber: SequenceNumber(4_000_000_000))
    var b = Endpoint(initialSequenceNumber: SequenceNumber(7))
    var reaction = Reaction()
    var toB: [Segment] = []
    var toA: [Segment] = []
    func move(_ reaction: inout Reaction, into queue: inout [Segment]) {
        for (segment, _) in reaction.sent { queue.append(segment) }
        reaction.clear()
    }
    b.call(.listen, at: 0, into: &reaction)
    reaction.clear()
    a.call(.connect, at: 0, into: &reaction)
    move(&reaction, into: &toB)
    b.receive(toB.removeFirst(), at: 0, into: &reaction)
    move(&reaction, into: &toA)
    a.receive(toA.removeFirst(), at: 0, into: &reaction)
    move(&reaction, into: &toB)
    b.receive(toB.removeFirst(), at: 0, into: &reaction)
    reaction.clear()

    // Pre-build the data segments and ACKs the loop will feed, so only the engine is timed.
    var processed = 0
    let stopwatch = Stopwatch()
    var checksum = 0
    while processed < segments {
        a.call(.send(1_000), at: 0, into: &reaction)
        let data = reaction.sent[0].segment
        reaction.clear()
        b.receive(data, at: 0, into: &reaction)
        let ack = reaction.sent[0].segment
        reaction.clear()
        a.receive(ack, at: 0, into: &reaction)
        reaction.clear()
        b.call(.read(nil), at: 0, into: &reaction)
        processed += 2
        checksum &+= Int(ack.ackNumber.rawValue & 1)
    }
    return (Rate(processed, stopwatch), checksum)
}

/// Whole connections through the two-host simulation: open, 10 data segments each way, close, TIME_WAIT expiry.
func connectionsPerSecond(connections: Int) -> Rate {
    let stopwatch = Stopwatch()
    var total = 0
    for index in 0..<connections {
        var simulation = Simulation(
            a: Endpoint(initialSequenceNumber: SequenceNumber(UInt32(truncatingIfNeeded: index &* 2_654_435_761))),
            b: Endpoint(initialSequenceNumber: SequenceNumber(UInt32(truncatingIfNeeded: index &* 40_503))))
        simulation.call(.listen, on: .b)
        simulation.call(.connect, on: .a)
        func drain() {
            while simulation.deliverNext(from: .a) != nil || simulation.deliverNext(from: .b) != nil {}
        }
        drain()
        for _ in 0..<10 {
            simulation.call(.send(500), on: .a)
            simulation.call(.send(500), on: .b)
            drain()
        }
        simulation.call(.read(nil), on: .a)
        simulation.call(.read(nil), on: .b)
        simulation.call(.close, on: .a)
        drain()
        simulation.call(.close, on: .b)
        drain()
        simulation.advance(by: 240_000)
        total += simulation[.a].state == .closed && simulation[.b].state == .closed ? 1 : 0
    }
    precondition(total == connections, "a connection did not close cleanly")
    return Rate(connections, stopwatch)
}

/// Lessons parsed and run per second (the check command's inner loop).
func lessonsPerSecond(_ path: String?, runs: Int) -> Rate? {
    guard let path, let lesson = try? LessonLibrary.load(path) else { return nil }
    let stopwatch = Stopwatch()
    for index in 0..<runs {
        _ = LessonRunner.run(lesson, fresh: FreshDraw.seeded(UInt64(index)))
    }
    return Rate(runs, stopwatch)
}

/// Screens drawn per second: the handshake stepped forward and back at 100x30 (PageDown steps past its quiz
/// points too, opening and closing the answer panel), each step drawn into a canvas and compared with the one
/// before: what a key costs before ncurses sends the difference. Returns the rate and the mean cells changed.
func framesPerSecond(steps: Int) -> (Rate, Int) {
    var session = TutorSession(
        lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))], language: .en,
        animates: false)
    _ = session.update(.key(.enter))
    let size = Size(width: 100, height: 30)
    var previous = ScreenRenderer.render(session, size: size)
    var changed = 0
    var forward = true
    let stopwatch = Stopwatch()
    for _ in 0..<steps {
        if let player = session.player {
            if player.isAtEnd { forward = false } else if player.isAtStart { forward = true }
        }
        _ = session.update(.key(forward ? .pageDown : .pageUp))
        let canvas = ScreenRenderer.render(session, size: size)
        changed += canvas.changedCells(since: previous).count
        previous = canvas
    }
    return (Rate(steps, stopwatch), changed / steps)
}

/// A rate as people read it: "12.9 million", "3796".
func formatted(_ value: Double) -> String {
    guard value >= 1e6 else { return "\(Int(value))" }
    let tenths = Int((value / 1e5).rounded())
    return "\(tenths / 10).\(tenths % 10) million"
}

/// "12.9 million … per second (… ; 13.4 million per second of CPU time)": the second figure stays close to the
/// code's cost when other work shares the machine.
func line(_ name: String, _ rate: Rate, _ unit: String, _ detail: String) -> String {
    "\(name): \(formatted(rate.perWallSecond)) \(unit) per second (\(detail); "
        + "\(formatted(rate.perCPUSecond)) per second of CPU time)"
}

// `tcptutor-bench engine [SEGMENTS]` measures the engine alone: what a profiler (perf, callgrind) should look at.
let arguments = Array(CommandLine.arguments.dropFirst())
let engineOnly = arguments.first == "engine"
let segmentCount = engineOnly ? arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000_000 : 20_000_000
let (segmentRate, _) = segmentsPerSecond(segments: segmentCount)
print(line("engine", segmentRate, "segments", "bulk transfer, Endpoint.receive, one core"))
if !engineOnly { printTheOtherFigures() }

/// The simulation, lesson and screen figures.
func printTheOtherFigures() {
    print(
        line(
            "simulation", connectionsPerSecond(connections: 50_000), "connections",
            "open, 20 data segments, close, TIME_WAIT"))
    let sample =
        arguments.first
        ?? LessonLibrary.locate(executable: CommandLine.arguments[0]).flatMap { folder in
            (try? LessonLibrary.lessonFiles(in: [folder]))?.first
        }
    if let sample, let rate = lessonsPerSecond(sample, runs: 2_000) {
        print(line("lessons", rate, "runs", sample))
    }
    let (frameRate, cellsPerStep) = framesPerSecond(steps: 20_000)
    print(
        line(
            "screen", frameRate, "steps drawn",
            "\(Int(1e6 / frameRate.perWallSecond)) µs each, 100x30, handshake, \(cellsPerStep) cells changed per step on average"
        ))
}
