# お客様の声(音声合成)の言葉。エラーは「voice-」とコード(V001…)。

voice-V001 = 音声合成プログラム { $program } が見つかりません。Debian では open-jtalk と open-jtalk-mecab-naist-jdic を入れてください。
voice-V002 = 音声合成の辞書が見つかりません(探した場所: { $looked })。Debian では open-jtalk-mecab-naist-jdic を入れるか、CLAIM_DOJO_JTALK_DIC で場所を指定してください。
voice-V003 = 声のファイルを { $path } に置けません: { $reason }
voice-V004 = 「{ $text }」を音声にできません: { $reason }
voice-V005 = 音声ファイル { $path } を読み書きできません: { $reason }
voice-V006 = 音声を出す装置がありません: { $reason }

# claim-dojo voice
cli-voice-about = シナリオのお客様のせりふをすべて、ノードごとの WAV ファイルに書き出します。
cli-voice-line = { $file }  { $seconds } 秒(エンジンでは { $engine } 秒)
cli-voice-done = { $lines } 本のせりふを { $dir } に書き出しました(新たに合成 { $made } 本、ほかはキャッシュから)。
cli-voice-bad-anger = --anger は 0 から 100 までです({ $value } は使えません)。

# メニュー
voice-title = お客様の声
voice-on = 声を出す
voice-off = 文字だけ
voice-volume = 音量
voice-help = お客様のせりふを日本語の音声で読み上げます。怒っているほど速く、高く、大きくなります。
voice-no-device = 音声を出す装置(サウンドカード)が見つかりません。
voice-text-only = 文字だけで進めます。{ $why }
voice-credit = 音声: HTS Voice "Mei"(© 2009-2013 名古屋工業大学、MMDAgent Project Team、CC BY 3.0)、合成: Open JTalk
