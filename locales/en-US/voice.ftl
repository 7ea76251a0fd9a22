# The customer's voice (speech synthesis). Errors are "voice-" and the code (V001…).

voice-V001 = The speech synthesiser { $program } is not installed. On Debian, install open-jtalk and open-jtalk-mecab-naist-jdic.
voice-V002 = The synthesiser's dictionary was not found (looked in { $looked }). On Debian, install open-jtalk-mecab-naist-jdic, or name its folder in CLAIM_DOJO_JTALK_DIC.
voice-V003 = Cannot put the voice file at { $path }: { $reason }
voice-V004 = Cannot say “{ $text }”: { $reason }
voice-V005 = Cannot read or write the sound file { $path }: { $reason }
voice-V006 = No audio output device: { $reason }

# claim-dojo voice
cli-voice-about = Write every customer line of a scenario to a WAV file named by node.
cli-voice-line = { $file }  { $seconds } s (the engine: { $engine } s)
cli-voice-done = Wrote { $lines } lines to { $dir } ({ $made } synthesised now, the rest from the cache).
cli-voice-bad-anger = --anger goes from 0 to 100 ({ $value } cannot be used).

# The menu
voice-title = The customer's voice
voice-on = Spoken
voice-off = Text only
voice-volume = Volume
voice-help = Says the customer's lines aloud, in Japanese. The angrier the customer, the faster, higher and louder.
voice-no-device = No sound device was found.
voice-text-only = The calls run in text only. { $why }
voice-credit = Voice: HTS Voice “Mei” (© 2009-2013 Nagoya Institute of Technology, MMDAgent Project Team, CC BY 3.0); synthesis: Open JTalk
