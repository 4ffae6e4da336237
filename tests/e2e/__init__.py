"""End-to-end tests of `ugc create`: real renders, measured with ffprobe and ffmpeg."""
