"""The review viewer: recording who is in each photo, one photo after another."""
