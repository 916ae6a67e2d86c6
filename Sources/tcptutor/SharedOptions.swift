import ArgumentParser
import LessonKit
import TimelineKit

extension Language: ExpressibleByArgument {}

/// `--lang` or `--language`, spelled the same in every command.
struct LanguageOption: ParsableArguments {
    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: ArgumentHelp("Language: en (English) or zh (中文).", valueName: "en|zh"))
    var language: Language?
}

/// `--lesson-folder`: where every command that reads lessons finds them. (`--lessons` names lessons, never a
/// folder: `exam --lessons A,B`.)
struct LessonFolderOption: ParsableArguments {
    @Option(
        name: .customLong("lesson-folder"),
        help: ArgumentHelp(
            "The folder of .lesson files (default: $TCPTUTOR_LESSONS, ./Lessons or the installed ones).",
            valueName: "folder"))
    var path: String?

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
