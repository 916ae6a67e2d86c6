import ArgumentParser
import CommandOptions
import LessonKit
import TCPCore
import TimelineKit

extension Language: ExpressibleByArgument {}

/// `--lang` or `--language`, spelled the same in every command.
struct LanguageOption: ParsableArguments {
    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: ArgumentHelp("Language: en (English) or zh (中文).", valueName: "en|zh"))
    var language: Language?
}

extension LessonFolderOption {
    /// The folder named, or the one `LessonLibrary` finds.
    func locate() throws(CommandFailure) -> String {
        guard let folder = LessonLibrary.locate(explicit: path, executable: CommandLine.arguments[0]) else {
            throw CommandFailure("no lessons folder found; name one with --lesson-folder FOLDER")
        }
        return folder
    }

    /// The lesson `name` names: a file, or a lesson id or file name in the folder.
    func lesson(_ name: String) throws -> Lesson {
        try LessonArgument.load(name, lessonsFolder: path)
    }
}

/// `--seed S` or `--fresh`: fresh ISNs instead of the lesson's own, so that the numbers cannot be learnt by heart.
struct FreshNumbersOptions: ParsableArguments {
    @Option(help: "Draw fresh ISNs from this seed: the same seed gives the same numbers.")
    var seed: UInt64?

    @Flag(help: "Draw fresh ISNs at random, so that they cannot be learnt by heart.")
    var fresh = false

    func validate() throws {
        if seed != nil && fresh {
            throw ValidationError(
                "--seed and --fresh both draw fresh ISNs: give one of them (--seed S draws the same numbers every time, --fresh new ones)"
            )
        }
    }

    /// The seed to draw ISNs from: the one given, a random one for `--fresh`, nil for the lesson's own ISNs.
    func drawingSeed() -> UInt64? {
        seed ?? (fresh ? UInt64.random(in: .min ... .max) : nil)
    }
}

/// `--plain` and `--ascii-lines`: printed lines instead of the full screen, or how the full screen draws.
struct ScreenOptions: ParsableArguments {
    @Flag(
        help: "Numbered lines instead of the full screen, for screen readers and pipes (automatic without a terminal)."
    )
    var plain = false

    @Flag(help: "Draw boxes and lines with ASCII characters.")
    var asciiLines = false
}

/// `--no-animation`, for the screens that animate segments crossing the wire.
struct AnimationOption: ParsableArguments {
    @Flag(help: "Do not animate segments crossing the wire.")
    var noAnimation = false
}

/// `--isn A=N,B=M`: a lesson's ISNs replaced by these, after any fresh ones.
struct ISNOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Replace the lesson's ISNs, e.g. A=100,B=300 (either may be left out).", valueName: "A=N,B=M"),
        transform: LessonArgument.parseISN)
    var isn: [HostID: SequenceNumber]?

    /// Fresh ISNs drawn from `seed`, then the ones `--isn` names. A clock's ISN is narrated from the clock, so it
    /// can be moved by a seed (the clock boots at another moment) but not replaced by a number.
    func sources(for lesson: Lesson, seed: UInt64?) throws -> [HostID: ISNSource] {
        var sources: [HostID: ISNSource] = seed.map { lesson.freshISN(FreshDraw.seeded($0)) } ?? [:]
        if isn != nil, lesson.fresh != .random,
            let host = HostID.allCases.first(where: { lesson.isn[$0]?.isClock == true })
        {
            throw ValidationError(
                "\(host)'s ISN in this lesson is a clock, and its narration computes from that clock (fresh: \(lesson.fresh.rawValue)): use --seed, which boots the clock at another moment, instead of --isn"
            )
        }
        if let isn { sources.merge(isn.mapValues { .fixed($0.rawValue) }) { $1 } }
        return sources
    }
}

/// `--stream N` and `--relative`: which connection of a capture, and its numbers as tcpdump prints them by default.
struct CaptureStreamOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The connection, from 0 (see replay --list); the first one when not given.", valueName: "n"))
    var stream: Int?

    @Flag(help: "Print seq and ack relative to each side's ISN, as tcpdump does by default (not in JSON).")
    var relative = false
}
