import Foundation
import LessonKit
import TutorCurses
import TutorSession

/// Parses and runs lesson files on a background thread, so the menu can be drawn before they are all ready.
final class LessonLoader: BackgroundLessons, @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var ready: [LoadedLesson] = []
    /// Guarded by `condition`.
    private var remaining: Int
    private var handedOver = false
    private let files: [String]

    /// Prepares to load `files`; entry `index` of the menu is replaced when file `index` is done.
    init(files: [String]) {
        self.files = files
        remaining = files.count
    }

    func start() {
        let files = files
        let thread = Thread { [self] in
            for (index, file) in files.enumerated() {
                let entry = LessonCatalog.entry(file)
                condition.lock()
                ready.append(LoadedLesson(index: index, entry: entry))
                remaining -= 1
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return handedOver
    }

    func poll() -> [LoadedLesson] {
        condition.lock()
        defer { condition.unlock() }
        return takeReady()
    }

    func finish() -> [LoadedLesson] {
        condition.lock()
        defer { condition.unlock() }
        while remaining > 0 { condition.wait() }
        return takeReady()
    }

    /// Hands over what is ready; the caller holds the lock.
    private func takeReady() -> [LoadedLesson] {
        let messages = ready
        ready.removeAll()
        if remaining == 0 { handedOver = true }
        return messages
    }
}
