import Foundation

/// Low-level file output shared by every writer (workspace edits, site pages, the cache).
public enum FileDescriptorOutput {
    /// Writes all of `bytes` to `fd`, going on after short and interrupted writes; nil, or why it
    /// failed in the system's words ("No space left on device", "File too large").
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                // A file takes at least one byte or fails; zero would loop for ever.
                if written == 0 { return "nothing could be written" }
                offset += written
            }
            return nil
        }
    }
}
