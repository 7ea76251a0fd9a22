# コマンドラインの言葉。

cli-about = クレーム道場: 台本のある怒ったお客様で、クレーム電話の対応を練習します。
cli-validate-about = シナリオファイルを検査し、すべての誤りを報告します。
cli-play-about = アプリを使わずにシナリオをプレイし、セッションレポートを出力します。
cli-analyze-about = シナリオを分析します: 結末、最良と最悪の経路、難易度。
cli-graph-about = シナリオをグラフ(DOT または Mermaid)で描きます。
cli-new-about = 検査を通る新しいシナリオのひな形を書き出します。
cli-validate-summary = { $files } ファイルを検査: エラー { $errors } 件、警告 { $warnings } 件
cli-play-unmet = 期待どおりではありません: { $what }
