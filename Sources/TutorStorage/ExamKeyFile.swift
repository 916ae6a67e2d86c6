import LessonKit
import TutorSession

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ExamKey {
    /// Reads the instructor's key file.
    public init(contentsOf url: URL) throws(ExamError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExamError.badKey("cannot read the key file \(url.path): \(fileErrorText(error))")
        }
        try self.init(bytes: data)
    }
}
