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

/// `--lesson-folder` (or `--lessons`) for the commands where `--lessons` names nothing else.
struct LessonFolderOption: ParsableArguments {
    @Option(
        name: [.customLong("lesson-folder"), .customLong("lessons")],
        help: ArgumentHelp(
            "The folder of .lesson files (default: $TCPTUTOR_LESSONS, ./Lessons or the installed ones).",
            valueName: "folder"))
    var path: String?
}
