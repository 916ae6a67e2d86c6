import TutorSession

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The progress book's bytes: pretty-printed JSON with sorted keys, format version 1. One encoding for every
/// place a book is kept: the student's own file (`ProgressStore`) and the class server's store, which gets the
/// same bytes over the class link.
public enum ProgressBookFormat {
    /// The book's bytes.
    public static func encode(_ book: ProgressBook) throws(ProgressError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return Array(try encoder.encode(book))
        } catch {
            throw ProgressError(message: "cannot encode progress: \(error)")
        }
    }

    /// The book in `bytes`, or why they are not one (worded to follow "it ...": "is not a valid progress
    /// file (...)", "has format version 2, ...").
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<ProgressBook, Unreadable> {
        let book: ProgressBook
        do {
            book = try JSONDecoder().decode(ProgressBook.self, from: Data(bytes))
        } catch {
            return .failure(Unreadable(reason: "it is not a valid progress file (\(describe(error)))"))
        }
        guard book.version == 1 else {
            return .failure(
                Unreadable(reason: "it has format version \(book.version), this program reads version 1"))
        }
        return .success(book)
    }

    /// Why bytes are not a progress book.
    public struct Unreadable: Error, Hashable, Sendable {
        public var reason: String
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DecodingError {
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                .valueNotFound(_, let context):
                return context.debugDescription
            @unknown default:
                return "\(error)"
            }
        }
        return "\(error)"
    }
}
